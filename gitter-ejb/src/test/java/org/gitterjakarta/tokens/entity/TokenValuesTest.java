package org.gitterjakarta.tokens.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TokenValuesTest {

  @Test
  void generatesFortyLowercaseHexCharacters() {
    String token = TokenValues.generate();

    assertThat(token).matches("[0-9a-f]{40}");
    assertThat(TokenValues.isWellFormed(token)).isTrue();
  }

  @Test
  void neverRepeatsItself() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(TokenValues.generate())).isTrue();
    }
  }

  @Test
  void rejectsMalformedValues() {
    assertThat(TokenValues.isWellFormed(null)).isFalse();
    assertThat(TokenValues.isWellFormed("ABCDEF0123456789abcdef0123456789abcdef01")).isFalse();
    assertThat(TokenValues.isWellFormed("abc")).isFalse();
    assertThat(TokenValues.isWellFormed("$anonymous")).isFalse();
  }

  @Test
  void storesAStableSha256NotTheValue() {
    String token = "0123456789abcdef0123456789abcdef01234567";

    assertThat(TokenValues.hash(token))
        .hasSize(64)
        .isEqualTo(TokenValues.hash(token))
        .doesNotContain(token);
  }
}
