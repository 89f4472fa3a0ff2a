package org.gitterjakarta.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gitterjakarta.users.boundary.NewAccount;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.web.pages.PageMessages;

/** The sign-up form: a new local account, then signed in as with the sign-in form. */
@Named
@RequestScoped
public class SignUp {

  static final int MIN_PASSWORD = 8;

  @Inject Users users;
  @Inject PageMessages page;
  @Inject SignIn signIn;

  @NotBlank(message = "Choose a username")
  private String username;

  @Size(max = 100, message = "Display names are 100 characters at most")
  private String displayName;

  @NotBlank(message = "Choose a password")
  @Size(min = MIN_PASSWORD, max = 200, message = "Passwords are 8 to 200 characters")
  private String password;

  public String submit() {
    if (!page.attempt(
        () -> users.register(new NewAccount(username, password, displayName, null, false)))) {
      return null;
    }
    signIn.setUsername(username);
    signIn.setPassword(password);
    return signIn.submit();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
