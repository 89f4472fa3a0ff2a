package org.gitterjakarta.api.security;

import jakarta.enterprise.context.RequestScoped;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.tokens.entity.Caller;
import org.gitterjakarta.users.entity.User;

/** The signed-in caller of this request, set by {@link TokenAuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;
  private User user;

  void set(Caller caller, User user) {
    this.caller = caller;
    this.user = user;
  }

  public User user() {
    if (user == null) {
      throw new Problem(Problem.Kind.NOT_AUTHENTICATED, "Unauthorized");
    }
    return user;
  }

  /** The caller's id, or empty before authentication or on a route that needs none. */
  public java.util.Optional<String> userIdIfSignedIn() {
    return java.util.Optional.ofNullable(user).map(User::id);
  }

  public String userId() {
    return user().id();
  }

  public String clientId() {
    user();
    return caller.clientId();
  }
}
