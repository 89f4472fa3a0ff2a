package org.gitterjakarta.api.security;

import org.gitterjakarta.problems.Problem;

/** Gitter's {@code /v1/user/:userId/...} routes: only the caller's own id, or {@code me}. */
public final class OwnUser {

  private OwnUser() {}

  public static String check(CurrentCaller caller, String userId) {
    if (!"me".equals(userId) && !caller.userId().equals(userId)) {
      throw Problem.notAllowed("Forbidden");
    }
    return caller.userId();
  }
}
