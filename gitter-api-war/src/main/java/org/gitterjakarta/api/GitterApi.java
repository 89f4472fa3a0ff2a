package org.gitterjakarta.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Gitter's REST API v1. The WAR's context root is {@code /api}, so routes answer at {@code
 * /api/v1/...} as on gitter.im; behind the proxy the api instances keep that prefix.
 */
@ApplicationPath("/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Gitter API",
            version = "v1",
            description =
                "Gitter's REST API v1: rooms, messages, communities, users. "
                    + "Authenticate with a personal access token or an OAuth token."),
    security = @SecurityRequirement(name = "token"))
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class GitterApi extends Application {}
