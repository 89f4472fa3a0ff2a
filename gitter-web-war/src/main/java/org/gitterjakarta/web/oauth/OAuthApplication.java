package org.gitterjakarta.web.oauth;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Gitter's OAuth2 endpoints live on the web host: {@code /login/oauth/authorize} and {@code
 * /token}.
 */
@ApplicationPath("/login/oauth")
public class OAuthApplication extends Application {}
