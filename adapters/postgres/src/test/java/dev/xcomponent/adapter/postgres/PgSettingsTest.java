package dev.xcomponent.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PgSettingsTest {
  @Test
  void aFullUrlIsParsed() {
    PgSettings s = PgSettings.parse(
        "postgresql://alice:s3cret@db.example.com:6543/orders?sslmode=require&application_name=orders-rt"
            + "&connect_timeout=3&pool_size=20&pool_wait_queue=50&search_path=audit");
    assertThat(s.host()).isEqualTo("db.example.com");
    assertThat(s.port()).isEqualTo(6543);
    assertThat(s.database()).isEqualTo("orders");
    assertThat(s.user()).isEqualTo("alice");
    assertThat(s.password()).isEqualTo("s3cret");
    assertThat(s.sslMode()).isEqualTo("require");
    assertThat(s.applicationName()).isEqualTo("orders-rt");
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(s.poolSize()).isEqualTo(20);
    assertThat(s.waitQueueSize()).isEqualTo(50);
    assertThat(s.searchPath()).isEqualTo("audit");
  }

  @Test
  void defaultsFillWhatIsMissing() {
    PgSettings s = PgSettings.parse("postgres://bob@localhost");
    assertThat(s.port()).isEqualTo(5432);
    assertThat(s.database()).isEqualTo("bob");
    assertThat(s.password()).isNull();
    assertThat(s.sslMode()).isEqualTo("disable");
    assertThat(s.poolSize()).isEqualTo(PgSettings.DEFAULT_POOL_SIZE);
    assertThat(s.waitQueueSize()).isEqualTo(PgSettings.DEFAULT_WAIT_QUEUE_SIZE);
    assertThat(s.connectTimeout()).isEqualTo(PgSettings.DEFAULT_CONNECT_TIMEOUT);
    assertThat(s.operationTimeout()).isEqualTo(PgSettings.DEFAULT_OPERATION_TIMEOUT);
    assertThat(s.applicationName()).isEqualTo("xcomponent");
    PgSettings bare = PgSettings.parse("postgresql:///fsm");
    assertThat(bare.host()).isEqualTo("localhost");
    assertThat(bare.user()).isEqualTo("postgres");
    assertThat(bare.database()).isEqualTo("fsm");
  }

  @Test
  void percentEncodedAndAwkwardPasswordsAndIpv6HostsParse() {
    PgSettings s = PgSettings.parse("postgresql://us%40er:p%3Aw%2Fd%25@[::1]:5433/my%20db");
    assertThat(s.user()).isEqualTo("us@er");
    assertThat(s.password()).isEqualTo("p:w/d%");
    assertThat(s.host()).isEqualTo("::1");
    assertThat(s.port()).isEqualTo(5433);
    assertThat(s.database()).isEqualTo("my db");
    PgSettings raw = PgSettings.parse("postgresql://u:pa/ss@wo?rd@h/db");
    assertThat(raw.password()).isEqualTo("pa/ss@wo?rd");
    assertThat(raw.host()).isEqualTo("h");
    assertThat(raw.database()).isEqualTo("db");
  }

  @Test
  void describeAndToStringMaskThePassword() {
    PgSettings s = PgSettings.parse("postgresql://user:hunter2@host:5432/db");
    assertThat(s.describe()).isEqualTo("postgresql://user:***@host:5432/db");
    assertThat(s.toString()).isEqualTo(s.describe()).doesNotContain("hunter2");
    assertThat(PgSettings.parse("postgresql://user@host/db").describe()).isEqualTo("postgresql://user@host:5432/db");
    assertThat(PgSettings.parse("postgresql://u:p@[::1]/db?sslmode=verify-full&search_path=a,b").describe())
        .isEqualTo("postgresql://u:***@[::1]:5432/db?sslmode=verify-full&search_path=a,b");
  }

  @Test
  void badUrlsAreRefusedNamingTheProblemWithoutThePassword() {
    assertBad(null, "empty");
    assertBad("", "empty");
    assertBad("mysql://u:secretpw@h/db", "must start with postgresql:// or postgres://");
    assertBad("redis://h:6379", "scheme redis");
    assertBad("postgresql://u:secretpw@h:port/db", "port 'port' is not a number");
    assertBad("postgresql://u:secretpw@h:70000/db", "port 70000");
    assertBad("postgresql://u:secretpw@h1,h2/db", "several hosts");
    assertBad("postgresql://u:secretpw@h/db/x", "more than one path segment");
    assertBad("postgresql://u:secretpw@h/db?sslmode=sometimes", "sslmode 'sometimes'");
    assertBad("postgresql://u:secretpw@h/db?target_session_attrs=any", "parameter 'target_session_attrs' is not supported");
    assertBad("postgresql://u:secretpw@h/db?pool_size=0", "pool_size must be at least 1");
    assertBad("postgresql://u:secretpw@h/db?pool_size=many", "pool_size='many' is not a whole number");
    assertBad("postgresql://u:secretpw@h/db?connect_timeout=", "has no value");
    assertBad("postgresql://u:secretpw@h/db?sslmode=require&sslmode=disable", "given twice");
    assertBad("postgresql://u:secretpw@h/db?search_path=a;drop", "search_path");
    assertBad("postgresql://u:secretpw%zz@h/db", "bad percent-escape in the password");
    assertBad("postgresql://u:secretpw@[::1/db", "unclosed '['");
  }

  private static void assertBad(String url, String problem) {
    assertThatThrownBy(() -> PgSettings.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secretpw"));
  }

  @Test
  void poolAndTimeoutsCanBeOverridden() {
    PgSettings s = PgSettings.parse("postgresql://u@h/db").withPool(3, 7)
        .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(2)).withSearchPath("x");
    assertThat(s.poolSize()).isEqualTo(3);
    assertThat(s.waitQueueSize()).isEqualTo(7);
    assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(s.operationTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.searchPath()).isEqualTo("x");
    assertThatThrownBy(() -> s.withPool(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.withTimeouts(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
  }
}
