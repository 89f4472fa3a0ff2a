package org.gitterjakarta.integrations.boundary;

import org.gitterjakarta.integrations.entity.Integration;
import org.gitterjakarta.wire.IsoDates;

/**
 * An integration as its room's admins see it. {@code secret} and {@code hookPath} ({@code
 * /api/private/hook/<secret>}) are there only in the answer to its creation: the secret is stored
 * hashed and cannot be shown again. {@code url} is the whole address, as the caller reached us.
 */
public record IntegrationJson(
    String id,
    String name,
    String createdAt,
    String createdBy,
    String secret,
    String hookPath,
    String url) {

  public static final String HOOK_PATH = "/api/private/hook/";

  static IntegrationJson of(Integration integration) {
    return new IntegrationJson(
        integration.id(),
        integration.name(),
        IsoDates.format(integration.createdAt()),
        integration.createdBy(),
        null,
        null,
        null);
  }

  static IntegrationJson created(Integration integration, String secret) {
    IntegrationJson json = of(integration);
    return new IntegrationJson(
        json.id(),
        json.name(),
        json.createdAt(),
        json.createdBy(),
        secret,
        HOOK_PATH + secret,
        null);
  }

  /** With the hook's full URL on the site whose origin ({@code https://host}) is given. */
  public IntegrationJson at(String origin) {
    return hookPath == null
        ? this
        : new IntegrationJson(id, name, createdAt, createdBy, secret, hookPath, origin + hookPath);
  }
}
