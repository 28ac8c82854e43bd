package dev.xcomponent.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void anEventIdIsAVersion7UuidCarryingItsMillisecond() {
    long at = 1_796_000_000_123L;
    UUID id = UUID.fromString(EventIds.of(at, new SplittableRandom(1)));
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
  }

  @Test
  void idsOfALaterMillisecondSortAfterAndIdsDoNotRepeat() {
    SplittableRandom random = new SplittableRandom(7);
    String earlier = EventIds.of(1_000L, random);
    String later = EventIds.of(1_001L, random);
    // as text too: PostgreSQL's uuid order and Redis's member order are both this one
    assertThat(later.compareTo(earlier)).isPositive();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(EventIds.next())).isTrue();
    }
  }
}
