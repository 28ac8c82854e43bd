package dev.xcomponent.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisBrokerSettingsTest {
  @Test
  void aPlainUrlGetsTheDefaults() {
    RedisBrokerSettings s = RedisBrokerSettings.fromUrl("redis://localhost");
    assertThat(s.host()).isEqualTo("localhost");
    assertThat(s.port()).isEqualTo(6379);
    assertThat(s.database()).isZero();
    assertThat(s.tls()).isFalse();
    assertThat(s.user()).isNull();
    assertThat(s.password()).isNull();
    assertThat(s.keyPrefix()).isEqualTo("xcomponent:");
    assertThat(s.clientName()).isEqualTo("xcomponent-broker");
    assertThat(s.claimTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.maxDeliveryAttempts()).isEqualTo(5);
    assertThat(s.prefetch()).isEqualTo(100);
    assertThat(s.memberQueueLimit()).isEqualTo(10_000);
    assertThat(s.maxMessageBytes()).isEqualTo(1 << 20);
    assertThat(s.describe()).isEqualTo("redis://localhost:6379/0");
  }

  @Test
  void userPasswordDatabaseAndTlsAreParsedAndThePasswordNeverShows() {
    RedisBrokerSettings s = RedisBrokerSettings.fromUrl("rediss://app:s%40cr+t%3Aword@redis.example:6380/3");
    assertThat(s.tls()).isTrue();
    assertThat(s.user()).isEqualTo("app");
    assertThat(s.password()).isEqualTo("s@cr+t:word");
    assertThat(s.port()).isEqualTo(6380);
    assertThat(s.database()).isEqualTo(3);
    assertThat(s.describe()).isEqualTo("rediss://app:***@redis.example:6380/3");
    assertThat(s.toString()).contains("app:***@").doesNotContain("cr+t").doesNotContain("word").doesNotContain("%40");
    assertThat(RedisBrokerSettings.fromUrl("redis://:hunter2@10.0.0.5/1").describe()).isEqualTo("redis://:***@10.0.0.5:6379/1");
    assertThat(RedisBrokerSettings.fromUrl("redis://only-user@h").describe()).isEqualTo("redis://only-user@h:6379/0");
    assertThat(RedisBrokerSettings.fromUrl("redis://[::1]:7000").describe()).isEqualTo("redis://[::1]:7000/0");
  }

  @Test
  void theClientOptionsKeepTheCredentialsOutOfTheConnectionString() {
    RedisBrokerSettings s = RedisBrokerSettings.fromUrl("rediss://app:pw@h:1234/2")
        .withTimeouts(Duration.ofMillis(700), Duration.ofSeconds(1));
    RedisOptions o = s.redisOptions();
    assertThat(o.getEndpoint()).isEqualTo("rediss://h:1234/2");
    assertThat(o.getUser()).isEqualTo("app");
    assertThat(o.getPassword()).isEqualTo("pw");
    assertThat(o.getMaxPoolSize()).isEqualTo(1);
    assertThat(o.getNetClientOptions().getConnectTimeout()).isEqualTo(700);
    assertThat(o.getNetClientOptions().isTcpKeepAlive()).isTrue();
    assertThat(o.getNetClientOptions().getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
  }

  @Test
  void aBadUrlIsRefusedNamingTheProblemAndTheAcceptedFormsWithoutThePassword() {
    String[] bad = {
      "http://u:topsecret@h:6379", "redis://", "redis://u:topsecret@h:6379/x", "redis://h/0?password=topsecret",
      "redis://u:top secret@h", "redis://u:%zztopsecret@h", "redis://u:topsecret@h:0", "amqp://h", "   ",
    };
    for (String url : bad) {
      Throwable t = catchThrowable(() -> RedisBrokerSettings.fromUrl(url));
      assertThat(t).as(url).isInstanceOf(IllegalArgumentException.class);
      assertThat(t.getMessage()).as(url).startsWith("Redis broker URL")
          .doesNotContain("topsecret").doesNotContain("top secret").doesNotContain("REDIS_URL");
    }
    assertThat(catchThrowable(() -> RedisBrokerSettings.fromUrl("http://h")).getMessage())
        .contains("redis://[[user]:password@]host[:port][/db]").contains("rediss://");
    assertThat(catchThrowable(() -> RedisBrokerSettings.fromUrl(null)).getMessage()).contains("missing");
  }

  @Test
  void otherBadValuesAreRefusedNamingTheField() {
    RedisBrokerSettings ok = RedisBrokerSettings.fromUrl("redis://h");
    assertThatThrownBy(() -> ok.withKeyPrefix("")).hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> ok.withKeyPrefix("a b")).hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> ok.withKeyPrefix("x*")).hasMessageContaining("keyPrefix");
    assertThatThrownBy(() -> ok.withClientName("two words")).hasMessageContaining("clientName");
    assertThatThrownBy(() -> ok.withClientName("")).hasMessageContaining("clientName");
    assertThatThrownBy(() -> ok.withClaimTtl(Duration.ZERO)).hasMessageContaining("claimTtl");
    assertThatThrownBy(() -> ok.withMaxDeliveryAttempts(0)).hasMessageContaining("maxDeliveryAttempts");
    assertThatThrownBy(() -> ok.withMemberLimits(0, 1)).hasMessageContaining("prefetch");
    assertThatThrownBy(() -> ok.withMemberLimits(1, 0)).hasMessageContaining("memberQueueLimit");
    assertThatThrownBy(() -> ok.withMaxMessageBytes(0)).hasMessageContaining("maxMessageBytes");
    assertThatThrownBy(() -> ok.withTimeouts(Duration.ofSeconds(-1), Duration.ofSeconds(1))).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> ok.withTimeouts(Duration.ofSeconds(1), null)).hasMessageContaining("requestTimeout");
    RedisBrokerSettings tuned = ok.withKeyPrefix("orders:").withClientName("orders-runtime").withClaimTtl(Duration.ofSeconds(30))
        .withMaxDeliveryAttempts(2).withMemberLimits(3, 4).withMaxMessageBytes(5);
    assertThat(tuned).extracting(RedisBrokerSettings::keyPrefix, RedisBrokerSettings::clientName, RedisBrokerSettings::claimTtl,
            RedisBrokerSettings::maxDeliveryAttempts, RedisBrokerSettings::prefetch, RedisBrokerSettings::memberQueueLimit,
            RedisBrokerSettings::maxMessageBytes)
        .containsExactly("orders:", "orders-runtime", Duration.ofSeconds(30), 2, 3, 4, 5);
  }

  @Test
  void reconnectDelaysDoubleFromAbout100MillisUpToAbout5SecondsWithin20PercentJitter() {
    for (int i = 0; i < 200; i++) {
      assertThat(Backoff.RECONNECT.delayMillis(0)).isBetween(80L, 120L);
      assertThat(Backoff.RECONNECT.delayMillis(3)).isBetween(640L, 960L);
      assertThat(Backoff.RECONNECT.delayMillis(6)).isBetween(4_000L, 6_000L);
      assertThat(Backoff.RECONNECT.delayMillis(1_000)).isBetween(4_000L, 6_000L);
    }
    Backoff low = new Backoff(100, 5_000, 0.2, () -> 0.0);
    Backoff high = new Backoff(100, 5_000, 0.2, () -> 0.999_999);
    assertThat(low.delayMillis(0)).isEqualTo(80);
    assertThat(high.delayMillis(0)).isEqualTo(120);
    assertThat(low.delayMillis(10)).isEqualTo(4_000);
    assertThat(Backoff.RETRY.delayMillis(0)).isEqualTo(50);
    assertThat(Backoff.RETRY.delayMillis(3)).isEqualTo(400);
    assertThat(Backoff.RETRY.delayMillis(8)).isEqualTo(1_000);
  }
}
