package dev.xcomponent.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.StoreFailure;
import io.vertx.redis.client.impl.types.ErrorType;
import org.junit.jupiter.api.Test;

class RedisFailuresTest {
  @Test
  void aConnectionDroppedUnderACommandIsUnavailableNotRejected() {
    // What the Vert.x client hands the commands in flight when their connection closes.
    StoreFailure f = RedisFailures.translate(ErrorType.create("CONNECTION_CLOSED Connection is closed"),
        "redis://127.0.0.1:6379/0", "append");
    assertThat(f.reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE);
  }

  @Test
  void aScriptErrorIsRejectedAndABusyServerIsUnavailable() {
    assertThat(RedisFailures.translate(ErrorType.create("ERR bad script"), "s", "append").reason())
        .isEqualTo(StoreFailure.Reason.REJECTED);
    assertThat(RedisFailures.translate(ErrorType.create("LOADING dataset"), "s", "append").reason())
        .isEqualTo(StoreFailure.Reason.UNAVAILABLE);
  }
}
