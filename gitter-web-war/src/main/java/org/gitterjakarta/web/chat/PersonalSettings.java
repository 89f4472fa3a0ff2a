package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.oauth.boundary.OAuthClients;
import org.gitterjakarta.oauth.entity.OAuthClient;
import org.gitterjakarta.oauth.entity.RegisteredClient;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.NotificationSettings;
import org.gitterjakarta.rooms.control.DefaultModes;
import org.gitterjakarta.settings.boundary.UserSettings;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.AccessToken;
import org.gitterjakarta.users.boundary.Users;
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

  private String displayName;
  private String appName;
  private String appRedirectUri;
  private RegisteredClient registeredApp;

  private String defaultMode;
  private boolean overrideRooms;
  private boolean digestOptOut;
  private String currentPassword;
  private String newPassword;

  @Size(max = 60, message = "Token names are 60 characters at most")
  @NotBlank(message = "Name the token")
  private String tokenName;

  private String issuedToken;

  /** f:viewAction: the current values into the form. */
  public void load() {
    Map<String, Object> values =
        settings.read(
            session.userId(), List.of(DefaultModes.SETTING, "unread_notifications_optout"));
    if (values.get(DefaultModes.SETTING) instanceof Map<?, ?> mode) {
      defaultMode = String.valueOf(mode.get("mode"));
    }
    digestOptOut = Boolean.TRUE.equals(values.get("unread_notifications_optout"));
  }

  public void rename() {
    run(() -> users.rename(session.userId(), displayName), "Display name saved");
  }

  public void registerApp() {
    run(
        () -> registeredApp = oauthClients.register(session.userId(), appName, appRedirectUri),
        "Application registered: copy its secret now, it is not shown again");
  }

  public void deleteApp(String clientId) {
    run(() -> oauthClients.delete(session.userId(), clientId), "Application deleted");
  }

  public List<OAuthClient> getApps() {
    return oauthClients.list(session.userId());
  }

  public RegisteredClient getRegisteredApp() {
    return registeredApp;
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

  public void saveNotifications() {
    run(
        () -> {
          notifications.changeDefault(session.userId(), defaultMode, overrideRooms);
          settings.write(session.userId(), Map.of("unread_notifications_optout", digestOptOut));
        },
        "Notification settings saved");
  }

  public void changePassword() {
    run(
        () -> users.changePassword(session.userId(), currentPassword, newPassword),
        "Password changed");
  }

  public void createToken() {
    run(
        () -> issuedToken = tokens.issuePersonal(session.userId(), tokenName).value(),
        "Token created: copy it now, it is not shown again");
  }

  public void revoke(String tokenId) {
    run(() -> tokens.revoke(session.userId(), tokenId), "Token revoked");
  }

  /** Personal tokens, the page's own session token left out. */
  public List<AccessToken> getTokens() {
    return tokens.list(session.userId()).stream()
        .filter(AccessToken::isPersonal)
        .filter(t -> !WebSession.TOKEN_NAME.equals(t.name()))
        .toList();
  }

  private void run(Runnable change, String done) {
    try {
      change.run();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, done, null));
    } catch (Problem refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  public List<String> getModes() {
    return List.of("all", "announcement", "mute");
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

  public String getIssuedToken() {
    return issuedToken;
  }
}
