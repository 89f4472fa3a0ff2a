package org.gitterjakarta.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTokensTest {

  static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void readsABearerTokenWhateverTheCaseOfTheScheme() {
    assertThat(AccessTokens.find("Bearer " + TOKEN, null, null)).contains(TOKEN);
    assertThat(AccessTokens.find("bearer " + TOKEN, null, null)).contains(TOKEN);
    assertThat(AccessTokens.find("BEARER " + TOKEN, null, null)).contains(TOKEN);
  }

  @Test
  void takesTheFirstValueOfACommaJoinedDuplicateHeader() {
    assertThat(AccessTokens.find("Bearer " + TOKEN + ", Bearer other", null, null)).contains(TOKEN);
  }

  @Test
  void fallsBackToTheHeaderThenTheQueryParameter() {
    assertThat(AccessTokens.find(null, TOKEN, "query")).contains(TOKEN);
    assertThat(AccessTokens.find(null, null, TOKEN)).contains(TOKEN);
    assertThat(AccessTokens.find("Basic dXNlcjpwYXNz", null, TOKEN)).contains(TOKEN);
  }

  @Test
  void findsNothingInEmptyOrForeignCredentials() {
    assertThat(AccessTokens.find(null, null, null)).isEmpty();
    assertThat(AccessTokens.find("Bearer ", " ", "")).isEmpty();
    assertThat(AccessTokens.find("Basic dXNlcjpwYXNz", null, null)).isEmpty();
  }
}
