package org.gitterjakarta.redis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.redis.control.RedisServers.Shape;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisServersTest {

  static RedisServers persist(Map<String, String> config) {
    return RedisServers.of(RedisRole.PERSIST, key -> Optional.ofNullable(config.get(key)));
  }

  @Test
  void aUriAloneIsOneServer() {
    var cut = persist(Map.of("gitter.redis.persist.uri", "redis://:secret@10.0.0.5:6390/2"));

    assertThat(cut.shape()).isEqualTo(Shape.SINGLE);
    assertThat(cut.nodes()).containsExactly(new HostAndPort("10.0.0.5", 6390));
    assertThat(cut.describe()).isEqualTo("10.0.0.5:6390").doesNotContain("secret");
  }

  @Test
  void sentinelsFindTheNamedMasterAndTheUriKeepsTheCredentials() {
    var cut =
        persist(
            Map.of(
                "gitter.redis.persist.uri", "redis://:secret@ignored:6379",
                "gitter.redis.persist.sentinels", "s1:26379, s2:26380,s3:26381",
                "gitter.redis.persist.master-name", "gitter-persist"));

    assertThat(cut.shape()).isEqualTo(Shape.SENTINEL);
    assertThat(cut.masterName()).isEqualTo("gitter-persist");
    assertThat(cut.nodes())
        .containsExactly(
            new HostAndPort("s1", 26379),
            new HostAndPort("s2", 26380),
            new HostAndPort("s3", 26381));
    assertThat(cut.uri().getUserInfo()).isEqualTo(":secret");
  }

  @Test
  void theAllRolesKeysApplyWhenTheRoleHasNoneOfItsOwn() {
    var cut =
        persist(
            Map.of(
                "gitter.redis.persist.uri", "redis://127.0.0.1:6379",
                "gitter.redis.sentinels", "127.0.0.1:26379"));

    assertThat(cut.shape()).isEqualTo(Shape.SENTINEL);
    assertThat(cut.masterName()).isEqualTo("mymaster");
  }

  @Test
  void aClusterWinsOverSentinelsAndARolesOwnKeyOverTheAllRolesKey() {
    var cut =
        persist(
            Map.of(
                "gitter.redis.persist.uri", "redis://127.0.0.1:6379",
                "gitter.redis.sentinels", "127.0.0.1:26379",
                "gitter.redis.cluster", "10.0.0.1:7000",
                "gitter.redis.persist.cluster", "10.0.0.2:7000,10.0.0.3:7000"));

    assertThat(cut.shape()).isEqualTo(Shape.CLUSTER);
    assertThat(cut.nodes())
        .containsExactly(new HostAndPort("10.0.0.2", 7000), new HostAndPort("10.0.0.3", 7000));
  }

  @Test
  void aBlankListMeansTheKeyIsNotSet() {
    var cut =
        persist(
            Map.of(
                "gitter.redis.persist.uri", "redis://127.0.0.1:6379", "gitter.redis.cluster", " "));

    assertThat(cut.shape()).isEqualTo(Shape.SINGLE);
  }

  @Test
  void rejectsANodeWithoutPort() {
    assertThatThrownBy(() -> RedisServers.nodes("10.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
