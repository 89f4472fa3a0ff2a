package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.mail.boundary.EmailAddresses;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.oauth.boundary.OAuthClients;
import org.gitterjakarta.oauth.entity.OAuthClient;
import org.gitterjakarta.oauth.entity.RegisteredClient;
import org.gitterjakarta.settings.boundary.ShownOnce;
import org.gitterjakarta.settings.boundary.UserSettings;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.AccessToken;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.web.pages.PageMessages;
import org.gitterjakarta.web.security.WebSession;

/**
 * The settings page: display name, default notification mode (optionally for every room), email
 * digests and the address they go to (verified by a mailed link), a new password; for developers,
 * personal access tokens and OAuth applications (a new token or client secret is shown once; any
 * can be revoked).
 */
@Named
@RequestScoped
public class PersonalSettings {

  @Inject WebSession session;
  @Inject UserSettings settings;
  @Inject NotificationSettings notifications;
  @Inject Users users;
  @Inject Tokens tokens;
  @Inject OAuthClients oauthClients;
  @Inject FacesContext faces;
  @Inject PageMessages page;
  @Inject ShownOnce shownOnce;
  @Inject EmailAddresses emailAddresses;

  private static final String TOKEN_CREATED = "token-created";
  private static final String APP_REGISTERED = "app-registered";

  private static final Map<String, String> DONE =
      Map.of(
          "name",
          "Display name saved",
          "notifications",
          "Notification settings saved",
          "password",
          "Password changed",
          "email",
          "Address saved: follow the link we mailed to it to get emails",
          "app-deleted",
          "Application deleted",
          "token-revoked",
          "Token revoked",
          TOKEN_CREATED,
          "Token created: copy it now, it is not shown again",
          APP_REGISTERED,
          "Application registered: copy its secret now, it is not shown again");

  private String displayName;
  private String issuedToken;
  private String appKey;
  private String appSecret;
  private String appName;
  private String appRedirectUri;

  private String defaultMode;
  private boolean overrideRooms;
  private boolean digestOptOut;
  private String emailAddress;
  private boolean emailVerified;
  private String currentPassword;
  private String newPassword;

  @Size(max = 60, message = "Token names are 60 characters at most")
  @NotBlank(message = "Name the token")
  private String tokenName;

  /** f:viewAction: the current values into the form. */
  public void load() {
    Map<String, Object> values =
        settings.read(
            session.userId(),
            List.of(UserSettings.DEFAULT_ROOM_MODE, "unread_notifications_optout"));
    if (values.get(UserSettings.DEFAULT_ROOM_MODE) instanceof Map<?, ?> mode) {
      defaultMode = String.valueOf(mode.get("mode"));
    }
    digestOptOut = Boolean.TRUE.equals(values.get("unread_notifications_optout"));
    emailAddresses
        .of(session.userId())
        .ifPresent(
            address -> {
              emailAddress = address.address();
              emailVerified = address.verified();
            });
  }

  public String saveEmail() {
    return run(() -> emailAddresses.set(session.userId(), emailAddress), "email");
  }

  public String getEmailAddress() {
    return emailAddress;
  }

  public void setEmailAddress(String emailAddress) {
    this.emailAddress = emailAddress;
  }

  /** What the address is good for, in words. */
  public String getEmailState() {
    if (emailAddress == null || emailAddress.isBlank()) {
      return "No address: Gitter sends you no email.";
    }
    return emailVerified
        ? "Verified: emails about unread messages go here."
        : "Not verified yet: follow the link mailed to it. Nothing else is sent until then.";
  }

  public String rename() {
    return run(() -> users.rename(session.userId(), displayName), "name");
  }

  public String registerApp() {
    return showOnce(
        () -> {
          RegisteredClient registered =
              oauthClients.register(session.userId(), appName, appRedirectUri);
          appKey = registered.client().clientKey();
          appSecret = registered.clientSecret();
          return appKey + " " + appSecret;
        },
        APP_REGISTERED);
  }

  public String deleteApp(String clientId) {
    return run(() -> oauthClients.delete(session.userId(), clientId), "app-deleted");
  }

  public List<OAuthClient> getApps() {
    return oauthClients.list(session.userId());
  }

  /** The client key and secret of an application just registered (shown once), else null. */
  public String getAppKey() {
    return appKey;
  }

  public String getAppSecret() {
    return appSecret;
  }

  public String getDisplayName() {
    if (displayName == null) {
      displayName = users.find(session.userId()).map(u -> u.displayNameOrUsername()).orElse("");
    }
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getAppName() {
    return appName;
  }

  public void setAppName(String appName) {
    this.appName = appName;
  }

  public String getAppRedirectUri() {
    return appRedirectUri;
  }

  public void setAppRedirectUri(String appRedirectUri) {
    this.appRedirectUri = appRedirectUri;
  }

  public String saveNotifications() {
    return run(
        () -> {
          notifications.changeDefault(session.userId(), defaultMode, overrideRooms);
          settings.write(session.userId(), Map.of("unread_notifications_optout", digestOptOut));
        },
        "notifications");
  }

  public String changePassword() {
    return run(
        () -> users.changePassword(session.userId(), currentPassword, newPassword), "password");
  }

  public String createToken() {
    return showOnce(
        () -> issuedToken = tokens.issuePersonal(session.userId(), tokenName).value(),
        TOKEN_CREATED);
  }

  public String revoke(String tokenId) {
    return run(() -> tokens.revoke(session.userId(), tokenId), "token-revoked");
  }

  /** Personal tokens, the page's own session token left out. */
  public List<AccessToken> getTokens() {
    return tokens.list(session.userId()).stream()
        .filter(AccessToken::isPersonal)
        .filter(t -> !org.gitterjakarta.web.security.SessionCookies.TOKEN_NAME.equals(t.name()))
        .toList();
  }

  /**
   * Post-redirect-get: a change that worked redirects to the page with what was done in its address
   * ({@code ?done=name}), so reloading cannot make it twice and any web instance can say so; a
   * refusal stays on the form with its input.
   */
  private String run(Runnable change, String done) {
    if (!page.attempt(change)) {
      return null;
    }
    return "/settings.xhtml?faces-redirect=true&done=" + done;
  }

  /**
   * A change with a secret to show once: post-redirect-get too, the secret kept for the page the
   * post redirects to ({@link ShownOnce}, read once by whichever instance serves it). While Redis
   * is away it is shown in the answer to the post itself.
   */
  private String showOnce(java.util.function.Supplier<String> change, String done) {
    String secret = page.attempt(change, null);
    if (secret == null) {
      return null;
    }
    return shownOnce
        .keep(session.userId(), done + " " + secret)
        .map(name -> "/settings.xhtml?faces-redirect=true&done=" + done + "&shown=" + name)
        .orElseGet(
            () -> {
              page.info(DONE.get(done));
              return null;
            });
  }

  /** f:viewParam: the secret a change just made, shown once (see {@link #showOnce}). */
  public void setShown(String name) {
    if (faces.isPostback()) {
      return;
    }
    shownOnce
        .take(session.userId(), name)
        .ifPresent(
            kept -> {
              String[] parts = kept.split(" ");
              if (TOKEN_CREATED.equals(parts[0]) && parts.length == 2) {
                issuedToken = parts[1];
              } else if (APP_REGISTERED.equals(parts[0]) && parts.length == 3) {
                appKey = parts[1];
                appSecret = parts[2];
              }
            });
  }

  public String getShown() {
    return null;
  }

  /** f:viewParam: the message of a change just done, from a known list only. */
  public void setDone(String done) {
    String message = DONE.get(done);
    // a later post restores view parameters too: the message belongs to the redirect only
    if (message != null && !faces.isPostback()) {
      page.info(message);
    }
  }

  public String getDone() {
    return null;
  }

  public String getDefaultMode() {
    return defaultMode;
  }

  public void setDefaultMode(String defaultMode) {
    this.defaultMode = defaultMode;
  }

  public boolean isOverrideRooms() {
    return overrideRooms;
  }

  public void setOverrideRooms(boolean overrideRooms) {
    this.overrideRooms = overrideRooms;
  }

  public boolean isDigestOptOut() {
    return digestOptOut;
  }

  public void setDigestOptOut(boolean digestOptOut) {
    this.digestOptOut = digestOptOut;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getTokenName() {
    return tokenName;
  }

  public void setTokenName(String tokenName) {
    this.tokenName = tokenName;
  }

  /** A token just created (shown once, in the answer to its creation), else null. */
  public String getIssuedToken() {
    return issuedToken;
  }
}
