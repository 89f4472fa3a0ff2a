package org.gitterjakarta.mail.control;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.gitterjakarta.mail.entity.EmailAddress;
import org.gitterjakarta.users.entity.AccountRemoved;

/**
 * The {@code mailaddresses} collection: one document per person ({@code _id} is the user id) with
 * the address mail goes to and whether its owner proved it is theirs. Invites look verified
 * addresses up by their lower-case form (indexed).
 */
@ApplicationScoped
public class MailAddressStore {

  @Inject MongoDatabase database;

  private MongoCollection<Document> addresses;

  @PostConstruct
  void open() {
    addresses = database.getCollection("mailaddresses");
  }

  public Optional<EmailAddress> of(String userId) {
    return Optional.ofNullable(addresses.find(eq("_id", userId)).first())
        .map(d -> new EmailAddress(d.getString("address"), Boolean.TRUE.equals(d.get("verified"))));
  }

  public Optional<String> verified(String userId) {
    return of(userId).filter(EmailAddress::verified).map(EmailAddress::address);
  }

  /** A new address starts unverified. */
  public void set(String userId, String address) {
    addresses.replaceOne(
        eq("_id", userId),
        new Document("_id", userId)
            .append("address", address)
            .append("lcAddress", address.toLowerCase(Locale.ROOT))
            .append("verified", false),
        new ReplaceOptions().upsert(true));
  }

  /** Verifies the person's address if it is still the one the link was made for. */
  public boolean verify(String userId, String address) {
    return addresses
            .updateOne(
                and(eq("_id", userId), eq("address", address)),
                Updates.combine(
                    Updates.set("verified", true),
                    Updates.set("verifiedAt", System.currentTimeMillis())))
            .getMatchedCount()
        > 0;
  }

  public void remove(String userId) {
    addresses.deleteOne(eq("_id", userId));
  }

  void forget(@Observes AccountRemoved removed) {
    remove(removed.userId());
  }
}
