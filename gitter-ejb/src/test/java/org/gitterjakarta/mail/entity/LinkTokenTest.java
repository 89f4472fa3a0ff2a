package org.gitterjakarta.mail.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkTokenTest {

  static final String SECRET = "0123456789abcdef-secret";
  final LinkToken cut = new LinkToken(LinkToken.VERIFY, "u1", "ann@example.org", 1_000);

  @Test
  void signedTokenVerifiesBeforeItExpires() {
    String token = cut.sign(SECRET);
    assertThat(LinkToken.verify(token, SECRET, LinkToken.VERIFY, 999)).contains(cut);
    assertThat(LinkToken.verify(token, SECRET, LinkToken.VERIFY, 1_001)).isEmpty();
  }

  @Test
  void refusesAnotherPurposeAnotherSecretAndTampering() {
    String token = cut.sign(SECRET);
    assertThat(LinkToken.verify(token, SECRET, LinkToken.UNSUBSCRIBE, 0)).isEmpty();
    assertThat(LinkToken.verify(token, SECRET + "x", LinkToken.VERIFY, 0)).isEmpty();
    String forged =
        new LinkToken(LinkToken.VERIFY, "u2", "ann@example.org", 1_000).sign(SECRET).split("\\.")[0]
            + "."
            + token.split("\\.")[1];
    assertThat(LinkToken.verify(forged, SECRET, LinkToken.VERIFY, 0)).isEmpty();
  }

  @Test
  void refusesGarbage() {
    for (String garbage : new String[] {null, "", ".", "abc", "a.b", "%%%.%%%", "x".repeat(5000)}) {
      assertThat(LinkToken.verify(garbage, SECRET, LinkToken.VERIFY, 0)).isEmpty();
    }
  }

  @Test
  void acceptsNothingSignedWithAWeakSecret() {
    for (String weak : new String[] {"short", "fifteen-chars!!"}) {
      String token = new LinkToken(LinkToken.UNSUBSCRIBE, "u1", "", 1_000).sign(weak);
      assertThat(LinkToken.verify(token, weak, LinkToken.UNSUBSCRIBE, 0))
          .as("a secret that could be guessed signs nothing")
          .isEmpty();
    }
    assertThat(LinkToken.verify("a.b", null, LinkToken.UNSUBSCRIBE, 0)).isEmpty();
  }
}
