package org.gitterjakarta.users.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * People search by the start of a username (the {@code lcUsername} index serves the anchored
 * prefix) or of a display name; ids only, the boundary loads the accounts.
 */
@ApplicationScoped
public class UserSearch {

  @Inject MongoDatabase database;

  /** Some account that is not removed nor staff, if there is one (the first the store finds). */
  public java.util.Optional<String> anyActiveId() {
    var first =
        database
            .getCollection("users")
            .find(Filters.and(Filters.ne("state", "REMOVED"), Filters.ne("staff", true)))
            .projection(new Document("_id", 1))
            .limit(1)
            .first();
    return java.util.Optional.ofNullable(first).map(doc -> doc.getString("_id"));
  }

  public List<String> idsMatching(String term, int limit) {
    String prefix = "^" + Pattern.quote(term.toLowerCase(Locale.ROOT));
    var ids = new ArrayList<String>();
    database
        .getCollection("users")
        .find(
            Filters.and(
                Filters.ne("state", "REMOVED"),
                Filters.or(
                    Filters.regex("lcUsername", prefix),
                    Filters.regex("displayName", "^" + Pattern.quote(term), "i"))))
        .projection(new Document("_id", 1))
        .sort(Sorts.ascending("lcUsername"))
        .limit(limit)
        .forEach(doc -> ids.add(doc.getString("_id")));
    return ids;
  }
}
