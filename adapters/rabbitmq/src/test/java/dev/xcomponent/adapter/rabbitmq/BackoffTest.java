package dev.xcomponent.adapter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static Backoff backoff(double random) {
    return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> random);
  }

  @Test
  void withoutJitterTheDelayDoublesUpToTheCap() {
    Backoff middle = backoff(0.5);
    assertThat(middle.delayMillis(1)).isEqualTo(100);
    assertThat(middle.delayMillis(2)).isEqualTo(200);
    assertThat(middle.delayMillis(3)).isEqualTo(400);
    assertThat(middle.delayMillis(6)).isEqualTo(3200);
    assertThat(middle.delayMillis(7)).isEqualTo(5000);
    assertThat(middle.delayMillis(1_000)).isEqualTo(5000);
    assertThat(middle.delayMillis(Integer.MAX_VALUE)).isEqualTo(5000);
  }

  @Test
  void jitterSpreadsEachDelayByTwentyPercentEitherWay() {
    assertThat(backoff(0.0).delayMillis(1)).isEqualTo(80);
    assertThat(backoff(0.999_999).delayMillis(1)).isEqualTo(120);
    assertThat(backoff(0.0).delayMillis(20)).isEqualTo(4000);
    assertThat(backoff(0.999_999).delayMillis(20)).isEqualTo(6000);
  }

  @Test
  void theRealRandomStaysWithinTheBounds() {
    Backoff real = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
    for (int i = 0; i < 1_000; i++) {
      assertThat(real.delayMillis(1)).isBetween(80L, 120L);
      assertThat(real.delayMillis(30)).isBetween(4000L, 6000L);
    }
  }
}
