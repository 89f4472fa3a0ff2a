package org.gitterjakarta.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.gitterjakarta.mongo.control.LocalCache;
import org.gitterjakarta.users.entity.User;

/**
 * People by id for a few seconds: every request looks up its caller and every message shown its
 * sender, and profiles rarely change.
 */
@ApplicationScoped
public class UserCache {

  private final LocalCache<User> byId = new LocalCache<>(10_000, 50_000);

  public LocalCache<User> byId() {
    return byId;
  }
}
