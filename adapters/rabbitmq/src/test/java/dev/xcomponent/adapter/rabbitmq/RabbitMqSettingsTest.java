package dev.xcomponent.adapter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RabbitMqSettingsTest {
  private static final String SECRET = "s3cret";

  @Test
  void theLocalDefaultUrl() {
    RabbitMqSettings s = RabbitMqSettings.fromUrl("amqp://guest:guest@127.0.0.1:5672");
    assertThat(s.tls()).isFalse();
    assertThat(s.host()).isEqualTo("127.0.0.1");
    assertThat(s.port()).isEqualTo(5672);
    assertThat(s.virtualHost()).isEqualTo("/");
    assertThat(s.user()).isEqualTo("guest");
    assertThat(s.password()).isEqualTo("guest");
    assertThat(s.prefetch()).isEqualTo(64);
    assertThat(s.heartbeatSeconds()).isEqualTo(30);
    assertThat(s.describe()).isEqualTo("amqp://guest:***@127.0.0.1:5672/");
  }

  @Test
  void aBareHostGetsThePortAndCredentialsOfItsScheme() {
    RabbitMqSettings plain = RabbitMqSettings.fromUrl("amqp://rabbit");
    assertThat(plain.port()).isEqualTo(5672);
    assertThat(plain.user()).isEqualTo("guest");
    assertThat(plain.password()).isEqualTo("guest");
    RabbitMqSettings tls = RabbitMqSettings.fromUrl("amqps://rabbit.example.com");
    assertThat(tls.tls()).isTrue();
    assertThat(tls.port()).isEqualTo(5671);
    assertThat(tls.describe()).isEqualTo("amqps://guest:***@rabbit.example.com:5671/");
  }

  @Test
  void theSchemeIsCaseInsensitiveAndATrailingSlashIsTheDefaultVirtualHost() {
    RabbitMqSettings s = RabbitMqSettings.fromUrl("  AMQP://Rabbit-1:1234/  ");
    assertThat(s.host()).isEqualTo("Rabbit-1");
    assertThat(s.port()).isEqualTo(1234);
    assertThat(s.virtualHost()).isEqualTo("/");
  }

  @Test
  void userPasswordAndVirtualHostArePercentDecodedAndReEncodedWhenDescribed() {
    RabbitMqSettings s = RabbitMqSettings.fromUrl("amqp://u%40x:p%3Aw%2Fd%25+%C3%A9@h/%2Fprod");
    assertThat(s.user()).isEqualTo("u@x");
    assertThat(s.password()).isEqualTo("p:w/d%+\u00e9");
    assertThat(s.virtualHost()).isEqualTo("/prod");
    assertThat(s.describe()).isEqualTo("amqp://u%40x:***@h:5672/%2Fprod");
  }

  @Test
  void aPasswordWithUnencodedSpecialCharactersStillParses() {
    RabbitMqSettings s = RabbitMqSettings.fromUrl("amqp://user:pa@ss/w?rd#1@h:5673/v");
    assertThat(s.user()).isEqualTo("user");
    assertThat(s.password()).isEqualTo("pa@ss/w?rd#1");
    assertThat(s.host()).isEqualTo("h");
    assertThat(s.port()).isEqualTo(5673);
    assertThat(s.virtualHost()).isEqualTo("v");
  }

  @Test
  void aUserWithoutPasswordHasAnEmptyOne() {
    RabbitMqSettings s = RabbitMqSettings.fromUrl("amqp://app@h");
    assertThat(s.user()).isEqualTo("app");
    assertThat(s.password()).isEmpty();
    assertThat(s.describe()).isEqualTo("amqp://app@h:5672/");
  }

  @Test
  void ipv6HostsAndQueryParameters() {
    RabbitMqSettings s = RabbitMqSettings.fromUrl("amqp://[::1]:5673/x?prefetch=10&heartbeat=0");
    assertThat(s.host()).isEqualTo("::1");
    assertThat(s.port()).isEqualTo(5673);
    assertThat(s.virtualHost()).isEqualTo("x");
    assertThat(s.prefetch()).isEqualTo(10);
    assertThat(s.heartbeatSeconds()).isZero();
    assertThat(s.describe()).isEqualTo("amqp://guest:***@[::1]:5673/x");
    assertThat(RabbitMqSettings.fromUrl("amqp://h?").prefetch()).isEqualTo(64);
    assertThat(RabbitMqSettings.fromUrl("amqp://h/?heartbeat=65535&prefetch=65535").heartbeatSeconds()).isEqualTo(65535);
  }

  @Test
  void thePasswordIsNeverPrinted() {
    RabbitMqSettings s = RabbitMqSettings.fromUrl("amqp://guest:" + SECRET + "@h");
    assertThat(s.describe()).doesNotContain(SECRET).contains("guest:***@");
    assertThat(s.toString()).doesNotContain(SECRET).contains("guest:***@");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void anEmptyUrlIsRefused(String url) {
    assertThatThrownBy(() -> RabbitMqSettings.fromUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining(RabbitMqSettings.FORMS);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "http://guest:s3cret@h|scheme 'http' is not supported",
      "guest:s3cret@h|no scheme",
      "amqp://guest:s3cret@|names no host",
      "amqp://guest:s3cret@:5672|names no host",
      "amqp://guest:s3cret@h:port|port is not a number",
      "amqp://guest:s3cret:h|port is not a number",
      "amqp://guest:s3cret@h:70000|between 1 and 65535",
      "amqp://guest:s3cret@h:0|between 1 and 65535",
      "amqp://guest:s3cret@h/a/b|more than one path segment",
      "amqp://guest:s3cret@h?prefetch=0|prefetch must be a whole number from 1 to 65535",
      "amqp://guest:s3cret@h?prefetch=x|prefetch must be a whole number",
      "amqp://guest:s3cret@h?prefetch=|prefetch must be a whole number",
      "amqp://guest:s3cret@h?heartbeat=-1|heartbeat must be a whole number from 0 to 65535",
      "amqp://guest:s3cret@h?prefetch=1&prefetch=2|given twice",
      "amqp://guest:s3cret@h?frame_max=1|parameter 'frame_max' is not supported",
      "amqp://guest:s3cret@h?password=s3cret|parameter 'password' is not supported",
      "amqp://guest:s3%ZZcret@h|malformed %-escape in its password",
      "amqp://gu%4@h|malformed %-escape in its user name",
      "amqp://h/%G0|malformed %-escape in its virtual host",
      "amqp://:s3cret@h|empty user name",
      "amqp://guest:s3cret@h1,h2|list of hosts is not supported",
      "amqp://guest:s3cret@h#fragment|fragment",
      "amqp://guest:s3cret@[::1|unclosed '['",
      "amqp://guest:s3cret@[::1]x|unexpected text after its IPv6 host",
      "amqp://guest:s3cret@[zz]|invalid IPv6 host",
      "amqp://guest:s3cret@h h|host has characters",
  })
  void aBadUrlIsRefusedNamingTheProblemAndTheFormsButNeverThePassword(String row) {
    String url = row.substring(0, row.indexOf('|'));
    String problem = row.substring(row.indexOf('|') + 1);
    assertThatThrownBy(() -> RabbitMqSettings.fromUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem)
        .hasMessageContaining(RabbitMqSettings.FORMS)
        .hasNoCause()
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("s3"));
  }

  @Test
  void theTuningValuesAreCheckedToo() {
    RabbitMqSettings s = RabbitMqSettings.fromUrl("amqp://h");
    assertThatThrownBy(() -> s.withPrefetch(0)).hasMessageContaining("prefetch");
    assertThatThrownBy(() -> s.withHeartbeatSeconds(70_000)).hasMessageContaining("heartbeat");
    assertThatThrownBy(() -> s.withTimeouts(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> s.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(-1))).hasMessageContaining("publishTimeout");
    assertThatThrownBy(() -> s.withRedeliveryDelay(Duration.ZERO)).hasMessageContaining("redeliveryDelay");
    assertThatThrownBy(() -> s.withReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("reconnectMaxDelay");
    assertThatThrownBy(() -> s.withMaxUnconfirmed(0)).hasMessageContaining("maxUnconfirmed");
    assertThatThrownBy(() -> s.withConnectionName(" ")).hasMessageContaining("connection name");
    RabbitMqSettings tuned = s.withPrefetch(5).withHeartbeatSeconds(0)
        .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).withRedeliveryDelay(Duration.ofSeconds(3))
        .withReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20)).withMaxUnconfirmed(7)
        .withConnectionName("app");
    assertThat(tuned.prefetch()).isEqualTo(5);
    assertThat(tuned.heartbeatSeconds()).isZero();
    assertThat(tuned.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(tuned.publishTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(tuned.redeliveryDelay()).isEqualTo(Duration.ofSeconds(3));
    assertThat(tuned.reconnectInitialDelay()).isEqualTo(Duration.ofMillis(10));
    assertThat(tuned.reconnectMaxDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(tuned.maxUnconfirmed()).isEqualTo(7);
    assertThat(tuned.connectionName()).isEqualTo("app");
    assertThat(tuned.host()).isEqualTo("h");
  }
}
