package org.gitterjakarta.users.entity;

import java.util.Locale;
import java.util.Set;

/**
 * Names that cannot be a person's username or a community's uri: both are served at the top of the
 * site ({@code /<username>} is a one-to-one chat, {@code /<community>} a community), where the
 * site's own pages and services live. A person named {@code api} or {@code explore} would be hidden
 * by them, or hide them. Compared case-insensitively, as Gitter did.
 */
public final class TopLevelNames {

  public static final Set<String> RESERVED =
      Set.of(
          "api",
          "api_web",
          "login",
          "logout",
          "signin",
          "signout",
          "signup",
          "home",
          "explore",
          "settings",
          "orgs",
          "org",
          "about",
          "apps",
          "help",
          "learn",
          "mobile",
          "private",
          "static",
          "assets",
          "avatars",
          "bayeux",
          "health",
          "metrics",
          "openapi",
          "stream",
          "faye",
          "archives",
          "topics",
          "integrations",
          "user",
          "users",
          "rooms",
          "groups",
          "c",
          "developer",
          "login-oauth",
          "jakarta.faces.resource",
          "resources",
          "favicon.ico",
          "robots.txt",
          "sitemap.xml",
          "new",
          "create",
          "admin",
          "support",
          "room",
          "room-settings",
          "notfound",
          "expired",
          "index",
          "ws",
          "oauth",
          "oauth-clients",
          "token",
          "me");

  private TopLevelNames() {}

  public static boolean isReserved(String name) {
    return name != null && RESERVED.contains(name.toLowerCase(Locale.ROOT));
  }
}
