package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and validation of the configuration of {@code serve}, and secret masking. */
class ServeConfigTest {
  private static ServeConfig config(Map<String, String> env, String... args) throws Exception {
    return ServeConfig.from(Args.parse(List.of(args), ServeConfig.SPEC), env);
  }

  private static CliException failure(Map<String, String> env, String... args) {
    try {
      config(env, args);
    } catch (CliException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError("expected a CliException, got " + e, e);
    }
    throw new AssertionError("expected a CliException");
  }

  @Test
  void defaults() throws Exception {
    ServeConfig c = config(Map.of(), "a.yaml", "b.yaml");
    assertThat(c.files()).containsExactly(Path.of("a.yaml"), Path.of("b.yaml"));
    assertThat(c.port()).isEqualTo(3000);
    assertThat(c.host()).isEqualTo("0.0.0.0");
    assertThat(c.plugins()).isNull();
    assertThat(c.broker()).isEqualTo(BrokerConfig.memory());
  }

  @Test
  void environmentFillsWhatOptionsLeaveOut() throws Exception {
    Map<String, String> env =
        Map.of("PORT", "8080", "HOST", "127.0.0.1", "XCOMPONENT_PLUGINS", "/opt/plugins",
            "BROKER_URL", "memory", "DATABASE_URL", "");
    ServeConfig fromEnv = config(env, "a.yaml");
    ServeConfig fromOptions = config(env, "--port=9090", "--host", "localhost", "--plugins", "p", "a.yaml");

    assertThat(fromEnv.port()).isEqualTo(8080);
    assertThat(fromEnv.host()).isEqualTo("127.0.0.1");
    assertThat(fromEnv.plugins()).isEqualTo(Path.of("/opt/plugins"));
    assertThat(fromOptions.port()).isEqualTo(9090);
    assertThat(fromOptions.host()).isEqualTo("localhost");
    assertThat(fromOptions.plugins()).isEqualTo(Path.of("p"));
  }

  @Test
  void eventLoopsComeFromTheEnvironmentWithinBounds() throws Exception {
    assertThat(config(Map.of(), "a.yaml").loops()).isEqualTo(EventLoops.defaults());
    assertThat(config(Map.of("EVENT_LOOPS", " 1 "), "a.yaml").loops().count()).isEqualTo(1);
    assertThat(config(Map.of("EVENT_LOOPS", "1024"), "a.yaml").loops().count()).isEqualTo(1024);
    for (String bad : new String[] {"0", "1025", "two", "-3"}) {
      CliException e = failure(Map.of("EVENT_LOOPS", bad), "a.yaml");
      assertThat(e.exitCode()).isEqualTo(2);
      assertThat(e.getMessage()).startsWith("EVENT_LOOPS=" + bad + " is not valid").contains("from 1 to 1024");
    }
  }

  @Test
  void badPortsNameTheirSource() {
    assertThat(failure(Map.of("PORT", "abc"), "a.yaml").getMessage()).startsWith("PORT=abc ");
    assertThat(failure(Map.of(), "-p", "65536", "a.yaml").getMessage()).startsWith("--port 65536 ");
    assertThat(failure(Map.of(), "--port", "-1", "a.yaml").exitCode()).isEqualTo(2);
  }

  @Test
  void otherBrokersAndUnknownDatabasesAreRefusedWithoutShowingPasswords() {
    CliException broker = failure(Map.of("BROKER_URL", "nats://app:s3cret@cache:4222"), "a.yaml");
    CliException db = failure(Map.of("DATABASE_URL", "mysql://app:pa55@db:3306/fsm"), "a.yaml");

    assertThat(broker.exitCode()).isEqualTo(2);
    assertThat(broker.getMessage())
        .startsWith("BROKER_URL=nats://app:***@cache:4222 is not a supported broker URL: expected memory, amqp://")
        .doesNotContain("s3cret");
    assertThat(db.exitCode()).isEqualTo(2);
    assertThat(db.getMessage()).contains("DATABASE_URL=mysql://app:***@db:3306/fsm").contains("postgresql://")
        .doesNotContain("pa55");
  }

  @Test
  void theStoreIsChosenAsTheDeploymentGuideSays() throws Exception {
    assertThat(config(Map.of(), "a.yaml").store().kind()).isEqualTo(StoreConfig.Kind.NONE);
    ServeConfig pg = config(Map.of("DATABASE_URL", "postgresql://app:pa55@db:5432/fsm", "REDIS_URL", "redis://r"), "a.yaml");
    assertThat(pg.store().kind()).isEqualTo(StoreConfig.Kind.POSTGRES);
    assertThat(pg.store().describe()).isEqualTo("postgresql://app:***@db:5432/fsm");
    assertThat(config(Map.of("REDIS_URL", "redis://:pw@cache:6379/2"), "a.yaml").store().kind()).isEqualTo(StoreConfig.Kind.REDIS);
    assertThat(config(Map.of("DATABASE_URL", "memory"), "a.yaml").store().kind()).isEqualTo(StoreConfig.Kind.MEMORY);
    assertThat(config(Map.of(), "--database", "postgres://h/db", "a.yaml").store().kind()).isEqualTo(StoreConfig.Kind.POSTGRES);
    assertThat(config(Map.of("SNAPSHOT_INTERVAL", "25"), "a.yaml").store().snapshotInterval()).isEqualTo(25);
    assertThat(failure(Map.of("SNAPSHOT_INTERVAL", "0"), "a.yaml").getMessage()).startsWith("SNAPSHOT_INTERVAL=0 ");
    assertThat(failure(Map.of("REDIS_URL", "http://x"), "a.yaml").getMessage()).startsWith("REDIS_URL=http://x ");
  }

  @Test
  void atLeastOneFileIsRequired() {
    assertThatThrownBy(() -> config(Map.of(), "--port", "1")).isInstanceOf(UsageException.class);
  }

  @Test
  void secretsAreMaskedInEveryUrlShape() {
    assertThat(Secrets.maskUrl("amqp://user:pw@host:5672/vh")).isEqualTo("amqp://user:***@host:5672/vh");
    assertThat(Secrets.maskUrl("kafka://a:9092,b:9092")).isEqualTo("kafka://a:9092,b:9092");
    assertThat(Secrets.maskUrl("rediss://host:6380?password=x&db=1"))
        .isEqualTo("rediss://host:6380?password=***&db=1");
    assertThat(Secrets.maskUrl("postgres://u@host/db")).isEqualTo("postgres://u@host/db");
    assertThat(Secrets.maskUrl(null)).isNull();
  }
}
