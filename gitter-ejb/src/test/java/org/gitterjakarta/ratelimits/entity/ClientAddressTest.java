package org.gitterjakarta.ratelimits.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void ignoresTheHeaderWithoutTrustedProxies() {
    assertThat(ClientAddress.of("10.0.0.9", "6.6.6.6", 0)).isEqualTo("10.0.0.9");
  }

  @Test
  void takesTheAddressTheTrustedProxySaw() {
    assertThat(ClientAddress.of("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.of("10.0.0.2", "203.0.113.7", 1)).isEqualTo("203.0.113.7");
    assertThat(ClientAddress.of("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.3", 2))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void fallsBackToTheConnectionWithoutAHeader() {
    assertThat(ClientAddress.of("10.0.0.2", null, 1)).isEqualTo("10.0.0.2");
    assertThat(ClientAddress.of("10.0.0.2", "a, b", 5)).isEqualTo("a");
  }
}
