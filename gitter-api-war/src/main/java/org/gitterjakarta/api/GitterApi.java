package org.gitterjakarta.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Gitter's REST API v1. The WAR's context root is {@code /api}, so routes answer at {@code
 * /api/v1/...} as on gitter.im; behind the proxy the api instances keep that prefix.
 */
@ApplicationPath("/v1")
public class GitterApi extends Application {}
