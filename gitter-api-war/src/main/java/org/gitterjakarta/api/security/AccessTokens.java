package org.gitterjakarta.api.security;

import java.util.Locale;
import java.util.Optional;

/**
 * Where Gitter looked for a client's token, in its order: {@code Authorization: Bearer <t>} (any
 * case of the scheme; of a comma-joined duplicate header only the first value counts), the {@code
 * x-access-token} header, then the {@code access_token} query parameter.
 */
public final class AccessTokens {

  private static final String BEARER = "bearer ";

  private AccessTokens() {}

  public static Optional<String> find(
      String authorization, String accessTokenHeader, String accessTokenQuery) {
    return fromAuthorization(authorization)
        .or(() -> nonBlank(accessTokenHeader))
        .or(() -> nonBlank(accessTokenQuery));
  }

  static Optional<String> fromAuthorization(String header) {
    if (header == null
        || header.length() <= BEARER.length()
        || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    String value = header.substring(BEARER.length());
    int comma = value.indexOf(',');
    return nonBlank(comma >= 0 ? value.substring(0, comma) : value);
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }
}
