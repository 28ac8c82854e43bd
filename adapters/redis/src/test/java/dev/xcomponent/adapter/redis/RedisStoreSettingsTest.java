package dev.xcomponent.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisStoreSettingsTest {
  @Test
  void aPlainUrlGetsTheDefaults() {
    RedisStoreSettings s = RedisStoreSettings.fromUrl("redis://localhost");
    assertThat(s.host()).isEqualTo("localhost");
    assertThat(s.port()).isEqualTo(6379);
    assertThat(s.database()).isZero();
    assertThat(s.tls()).isFalse();
    assertThat(s.user()).isNull();
    assertThat(s.password()).isNull();
    assertThat(s.keyPrefix()).isEqualTo("fsm");
    assertThat(s.maxPoolSize()).isEqualTo(RedisStoreSettings.DEFAULT_MAX_POOL_SIZE);
    assertThat(s.maxPoolWaiting()).isEqualTo(RedisStoreSettings.DEFAULT_MAX_POOL_WAITING);
    assertThat(s.idempotencyKeyTtl()).isZero();
    assertThat(s.describe()).isEqualTo("redis://localhost:6379/0 (prefix fsm)");
  }

  @Test
  void passwordUserDatabaseAndTlsAreParsedAndThePasswordIsMasked() {
    RedisStoreSettings s = RedisStoreSettings.fromUrl("rediss://app:s%40cr+t%3Aword@redis.example:6380/3")
        .withKeyPrefix("orders");
    assertThat(s.tls()).isTrue();
    assertThat(s.user()).isEqualTo("app");
    assertThat(s.password()).isEqualTo("s@cr+t:word");
    assertThat(s.port()).isEqualTo(6380);
    assertThat(s.database()).isEqualTo(3);
    assertThat(s.describe()).isEqualTo("rediss://app:***@redis.example:6380/3 (prefix orders)");
    assertThat(s.toString()).doesNotContain("s%40cr").doesNotContain("word").contains("app:***@");
  }

  @Test
  void aPasswordWithoutUserIsMaskedToo() {
    RedisStoreSettings s = RedisStoreSettings.fromUrl("redis://:hunter2@10.0.0.5/1");
    assertThat(s.user()).isNull();
    assertThat(s.password()).isEqualTo("hunter2");
    assertThat(s.describe()).isEqualTo("redis://:***@10.0.0.5:6379/1 (prefix fsm)");
  }

  @Test
  void anIpv6HostKeepsItsBrackets() {
    RedisStoreSettings s = RedisStoreSettings.fromUrl("redis://[::1]:7000");
    assertThat(s.host()).isEqualTo("::1");
    assertThat(s.describe()).startsWith("redis://[::1]:7000/0");
  }

  @Test
  void theClientOptionsCarryTheCredentialsAndLimitsButNotInTheConnectionString() {
    RedisStoreSettings s = RedisStoreSettings.fromUrl("redis://app:pw@h:1234/2").withPool(3, 17)
        .withMaxWaitingHandlers(99).withTimeouts(Duration.ofMillis(700), Duration.ofSeconds(1));
    RedisOptions o = RedisEventStore.options(s);
    assertThat(o.getEndpoint()).isEqualTo("redis://h:1234/2");
    assertThat(o.getUser()).isEqualTo("app");
    assertThat(o.getPassword()).isEqualTo("pw");
    assertThat(o.getMaxPoolSize()).isEqualTo(3);
    assertThat(o.getMaxPoolWaiting()).isEqualTo(17);
    assertThat(o.getMaxWaitingHandlers()).isEqualTo(99);
    assertThat(o.getNetClientOptions().getConnectTimeout()).isEqualTo(700);
  }

  @Test
  void badValuesAreRefusedWithoutEchoingThePassword() {
    String[] bad = {
      "http://h:6379", "redis://", "redis://h:6379/x", "redis://h/0?password=p", "redis://u:p w@h",
      "redis://u:%zz@h", "redis://h:0",
    };
    for (String url : bad) {
      Throwable t = catchThrowable(() -> RedisStoreSettings.fromUrl(url));
      assertThat(t).as(url).isInstanceOf(IllegalArgumentException.class);
      assertThat(t.getMessage()).as(url).contains("REDIS_URL").doesNotContain("p w").doesNotContain("%zz");
    }
    RedisStoreSettings ok = RedisStoreSettings.fromUrl("redis://h");
    assertThatThrownBy(() -> ok.withKeyPrefix("")).hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> ok.withKeyPrefix("a b")).hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> ok.withKeyPrefix("fsm*")).hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> ok.withPool(0, 1)).hasMessageContaining("maxPoolSize");
    assertThatThrownBy(() -> ok.withPool(1, 0)).hasMessageContaining("maxPoolWaiting");
    assertThatThrownBy(() -> ok.withTimeouts(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> ok.withIdempotencyKeyTtl(Duration.ofSeconds(-1))).hasMessageContaining("idempotencyKeyTtl");
  }
}
