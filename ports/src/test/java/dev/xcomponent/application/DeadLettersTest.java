package dev.xcomponent.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  @Test
  void aMessageIsGivenUpOnItsFifthFailureAndOnlyTheLastFewAreKept() {
    DeadLetters d = new DeadLetters(2);
    for (int i = 1; i < DeadLetters.MAX_ATTEMPTS; i++) {
      assertThat(d.attemptFailed("m-1", "fsm:commands:trigger_event")).as("attempt %d", i).isFalse();
    }
    assertThat(d.attemptFailed("m-1", "fsm:commands:trigger_event")).isTrue();
    assertThat(d.attemptFailed("m-1", "fsm:commands:trigger_event")).as("counting starts again").isFalse();
    assertThat(d.attemptFailed(null, "c")).as("without an id it cannot be counted").isFalse();
    for (int i = 0; i < 3; i++) {
      d.add("c", Map.of("messageId", "m-" + i), "boom");
    }
    assertThat(d.count()).isEqualTo(3);
    assertThat(d.recent()).extracting(m -> m.get("messageId")).containsExactly("m-1", "m-2");
  }

  @Test
  void recentIdsForgetTheOldestBeyondTheBound() {
    RecentIds ids = new RecentIds(2);
    ids.add("a");
    ids.add("b");
    ids.add("c");
    assertThat(ids.contains("a")).isFalse();
    assertThat(ids.contains("b")).isTrue();
    assertThat(ids.contains("c")).isTrue();
  }
}
