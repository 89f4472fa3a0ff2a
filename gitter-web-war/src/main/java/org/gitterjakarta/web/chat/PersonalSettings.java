package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.oauth.boundary.OAuthClients;
import org.gitterjakarta.oauth.entity.OAuthClient;
import org.gitterjakarta.oauth.entity.RegisteredClient;
import org.gitterjakarta.settings.boundary.UserSettings;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.AccessToken;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.web.pages.PageMessages;
import org.gitterjakarta.web.security.WebSession;

/**
 * The settings page: display name, default notification mode (optionally for every room), email
 * digests, a new password; for developers, personal access tokens and OAuth applications (a new
 * token or client secret is shown once; any can be revoked).
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

  private String displayName;
  private String appName;
  private String appRedirectUri;

  private String defaultMode;
  private boolean overrideRooms;
  private boolean digestOptOut;
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
  }

  public String rename() {
    return run(() -> users.rename(session.userId(), displayName), "Display name saved");
  }

  public String registerApp() {
    return run(
        () -> {
          RegisteredClient registered =
              oauthClients.register(session.userId(), appName, appRedirectUri);
          flash().put("appKey", registered.client().clientKey());
          flash().put("appSecret", registered.clientSecret());
        },
        "Application registered: copy its secret now, it is not shown again");
  }

  public String deleteApp(String clientId) {
    return run(() -> oauthClients.delete(session.userId(), clientId), "Application deleted");
  }

  public List<OAuthClient> getApps() {
    return oauthClients.list(session.userId());
  }

  /** The client key and secret of an application just registered (shown once), else null. */
  public String getAppKey() {
    return (String) flash().get("appKey");
  }

  public String getAppSecret() {
    return (String) flash().get("appSecret");
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
        "Notification settings saved");
  }

  public String changePassword() {
    return run(
        () -> users.changePassword(session.userId(), currentPassword, newPassword),
        "Password changed");
  }

  public String createToken() {
    return run(
        () -> flash().put("issuedToken", tokens.issuePersonal(session.userId(), tokenName).value()),
        "Token created: copy it now, it is not shown again");
  }

  public String revoke(String tokenId) {
    return run(() -> tokens.revoke(session.userId(), tokenId), "Token revoked");
  }

  /** Personal tokens, the page's own session token left out. */
  public List<AccessToken> getTokens() {
    return tokens.list(session.userId()).stream()
        .filter(AccessToken::isPersonal)
        .filter(t -> !WebSession.TOKEN_NAME.equals(t.name()))
        .toList();
  }

  /**
   * Post-redirect-get: a change that worked redirects to the page (its message and any new secret
   * in the flash), so reloading cannot make it twice; a refusal stays on the form with its input.
   */
  private String run(Runnable change, String done) {
    if (!page.attempt(change)) {
      return null;
    }
    page.info(done);
    flash().setKeepMessages(true);
    return "/settings.xhtml?faces-redirect=true";
  }

  private jakarta.faces.context.Flash flash() {
    return faces.getExternalContext().getFlash();
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

  /** A token just created (shown once, on the page the creation redirected to), else null. */
  public String getIssuedToken() {
    return (String) flash().get("issuedToken");
  }
}
