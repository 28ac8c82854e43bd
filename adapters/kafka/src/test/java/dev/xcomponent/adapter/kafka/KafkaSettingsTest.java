package dev.xcomponent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaSettingsTest {

  @Test
  void aSingleBrokerWithItsPort() {
    KafkaSettings s = KafkaSettings.fromUrl("kafka://localhost:9092");
    assertThat(s.servers()).containsExactly("localhost:9092");
    assertThat(s.tls()).isFalse();
    assertThat(s.user()).isNull();
    assertThat(s.password()).isNull();
    assertThat(s.groupPrefix()).isEqualTo("xcomponent");
    assertThat(s.clientId()).isEqualTo("xcomponent-" + ProcessHandle.current().pid());
    assertThat(s.partitions()).isEqualTo(1);
    assertThat(s.replicationFactor()).isEqualTo((short) 1);
  }

  @Test
  void aHostWithoutPortGets9092Or9093WithTls() {
    assertThat(KafkaSettings.fromUrl("kafka://kafka").servers()).containsExactly("kafka:9092");
    assertThat(KafkaSettings.fromUrl("kafkas://kafka").servers()).containsExactly("kafka:9093");
    assertThat(KafkaSettings.fromUrl("kafka://kafka/").servers()).containsExactly("kafka:9092");
  }

  @Test
  void severalBrokersAreAccepted() {
    KafkaSettings s = KafkaSettings.fromUrl("kafka://broker1:9092,broker2:9192,broker3");
    assertThat(s.servers()).containsExactly("broker1:9092", "broker2:9192", "broker3:9092");
    assertThat(s.bootstrapServers()).isEqualTo("broker1:9092,broker2:9192,broker3:9092");
  }

  @Test
  void ipv6HostsAreWrittenInBrackets() {
    assertThat(KafkaSettings.fromUrl("kafka://[::1]:9094,[fe80::1]").servers())
        .containsExactly("[::1]:9094", "[fe80::1]:9092");
  }

  @Test
  void userAndPasswordArePercentDecodedAndMeanSaslPlain() {
    KafkaSettings s = KafkaSettings.fromUrl("kafka://al%20ice:p%40ss%3Aw%2Fo+rd@localhost:9092");
    assertThat(s.user()).isEqualTo("al ice");
    assertThat(s.password()).isEqualTo("p@ss:w/o+rd");
    Map<String, Object> admin = ClientProperties.admin(s);
    assertThat(admin.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_PLAINTEXT");
    assertThat(admin.get(SaslConfigs.SASL_MECHANISM)).isEqualTo("PLAIN");
    assertThat((String) admin.get(SaslConfigs.SASL_JAAS_CONFIG))
        .contains("PlainLoginModule required", "username=\"al ice\"", "password=\"p@ss:w/o+rd\"");
  }

  @Test
  void anUnencodedAtInThePasswordStillParses() {
    KafkaSettings s = KafkaSettings.fromUrl("kafka://user:p@ss@host:9092");
    assertThat(s.password()).isEqualTo("p@ss");
    assertThat(s.servers()).containsExactly("host:9092");
  }

  @Test
  void tlsWithAndWithoutSasl() {
    KafkaSettings plainTls = KafkaSettings.fromUrl("kafkas://localhost:9093");
    assertThat(plainTls.tls()).isTrue();
    assertThat(ClientProperties.admin(plainTls).get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SSL");
    KafkaSettings saslTls = KafkaSettings.fromUrl("kafkas://user:pass@localhost:9093");
    assertThat(saslTls.user()).isEqualTo("user");
    assertThat(saslTls.password()).isEqualTo("pass");
    assertThat(ClientProperties.admin(saslTls).get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_SSL");
  }

  @Test
  void clientIdAndGroupIdComeFromTheQuery() {
    KafkaSettings s = KafkaSettings.fromUrl("kafka://localhost:9092?clientId=myapp&groupId=mygroup");
    assertThat(s.clientId()).isEqualTo("myapp");
    assertThat(s.groupPrefix()).isEqualTo("mygroup");
    assertThat(KafkaSettings.fromUrl("kafka://localhost:9092/?groupId=g%2D1").groupPrefix()).isEqualTo("g-1");
    assertThat((String) ClientProperties.admin(s).get(CommonClientConfigs.CLIENT_ID_CONFIG)).startsWith("myapp-admin-");
  }

  @Test
  void quotesAndBackslashesAreEscapedInTheJaasLine() {
    assertThat(ClientProperties.jaas("u\"x", "a\\b\"c"))
        .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\\\"x\" "
            + "password=\"a\\\\b\\\"c\";");
  }

  @Test
  void clientsAreConfiguredForBoundedWaitsAndManualCommits() {
    KafkaSettings s = KafkaSettings.fromUrl("kafka://localhost:9092");
    Map<String, Object> producer = ClientProperties.producer(s);
    assertThat(producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(true);
    assertThat(producer.get(ProducerConfig.ACKS_CONFIG)).isEqualTo("all");
    assertThat(producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(5000);
    assertThat(producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(5000L);
    assertThat(producer.get(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG)).isEqualTo(2000L);
    Map<String, Object> consumer = ClientProperties.consumer(s, "group", "xcomponent.g");
    assertThat(consumer.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isEqualTo(false);
    assertThat(consumer.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)).isEqualTo("latest");
    assertThat(consumer.get(ConsumerConfig.GROUP_ID_CONFIG)).isEqualTo("xcomponent.g");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "localhost:9092", "amqp://localhost", "http://localhost:9092", "kafka://", "kafka://:9092",
      "kafka://host:port", "kafka://host:0", "kafka://host:70000", "kafka://b1:9092,,b2:9092", "kafka://b1:9092,",
      "kafka://host:9092/topic", "kafka://host:9092#frag", "kafka://host:9092?unknown=1", "kafka://host:9092?clientId=",
      "kafka://host:9092?groupId=a&groupId=b", "kafka://host:9092?groupId=has%20space", "kafka://user@host:9092",
      "kafka://:pw@host:9092", "kafka://user:@host:9092", "kafka://ho_st!:9092", "kafka://[::1", "kafka://u:p%zz@host"})
  void badUrlsAreRefusedWithTheAcceptedForms(String url) {
    assertThatThrownBy(() -> KafkaSettings.fromUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid Kafka URL: ")
        .hasMessageContaining("Accepted forms: kafka://host[:port]");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "kafka://user:s3cr3t/x@host:9092", "kafka://user:s3cr3t?x@host:9092", "kafka://user:s3cr3t#x@host:9092",
      "kafka://user:s3cr3t@host:port", "kafka://user:s3cr3t@host:9092?bad=1", "kafka://user:s3cr3t%@host",
      "kafka://user:s3cr3t@", "redis://user:s3cr3t@host", "kafka://host:s3cr3t"})
  void noErrorMessageShowsThePassword(String url) {
    assertThatThrownBy(() -> KafkaSettings.fromUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
  }

  @Test
  void describeAndToStringMaskThePassword() {
    KafkaSettings s = KafkaSettings.fromUrl("kafkas://alice:s3cr3t@b1:9093,b2?clientId=app");
    assertThat(s.describe()).isEqualTo("kafkas://alice:***@b1:9093,b2:9093?clientId=app&groupId=xcomponent");
    assertThat(s.toString()).doesNotContain("s3cr3t").contains("alice:***@");
    assertThat(KafkaSettings.fromUrl("kafka://h").describe()).startsWith("kafka://h:9092?clientId=xcomponent-");
  }

  @Test
  void tuningValuesAreChecked() {
    KafkaSettings s = KafkaSettings.fromUrl("kafka://h");
    assertThat(s.withTopics(3, (short) 2).partitions()).isEqualTo(3);
    assertThat(s.withTopics(3, (short) 2).replicationFactor()).isEqualTo((short) 2);
    assertThatThrownBy(() -> s.withTopics(0, (short) 1)).hasMessageContaining("partitions");
    assertThatThrownBy(() -> s.withTopics(1, (short) 0)).hasMessageContaining("replicationFactor");
    assertThatThrownBy(() -> s.withGroupTimings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)))
        .hasMessageContaining("heartbeatInterval");
    assertThatThrownBy(() -> s.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("connectTimeout");
    assertThatThrownBy(() -> s.withMaxInFlight(0)).hasMessageContaining("maxInFlight");
    assertThatThrownBy(() -> s.withReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("reconnectBackoffMax");
    assertThatThrownBy(() -> new KafkaSettings(List.of("h:9092"), false, "u", null, "c", "g", 1, (short) 1,
        s.connectTimeout(), s.requestTimeout(), s.publishTimeout(), s.reconnectBackoff(), s.reconnectBackoffMax(),
        s.sessionTimeout(), s.heartbeatInterval(), s.joinTimeout(), s.metadataMaxAge(), s.healthInterval(),
        s.maxInFlight(), s.redeliveryDelay())).hasMessageContaining("user and password");
  }
}
