package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SCENARIOS §1 scenario 8 (simulation) against {@link PathSimulator}. */
class PathSimulatorTest {
  private final Component component = TestComponents.component(TestComponents.SIMPLE_FLOW);

  private static List<Event> events(String... types) {
    return Arrays.stream(types).map(t -> Event.of(t, Map.of(), 0L)).toList();
  }

  @Test
  void beginThenCompleteEndsInSuccess() {
    PathSimulator.Result r = PathSimulator.simulate(component, "SimpleFlow", events("BEGIN", "COMPLETE"));
    assertThat(r.success()).isTrue();
    assertThat(r.path()).containsExactly("Start", "Processing", "Success");
    assertThat(r.error()).isNull();
  }

  @Test
  void beginThenErrorEndsInFailed() {
    PathSimulator.Result r = PathSimulator.simulate(component, "SimpleFlow", events("BEGIN", "ERROR"));
    assertThat(r.success()).isTrue();
    assertThat(r.path()).containsExactly("Start", "Processing", "Failed");
  }

  @Test
  void anEventWithoutTransitionFailsWithThePartialPath() {
    PathSimulator.Result r = PathSimulator.simulate(component, "SimpleFlow", events("INVALID_EVENT"));
    assertThat(r.success()).isFalse();
    assertThat(r.path()).containsExactly("Start");
    assertThat(r.error()).isEqualTo("No transition from Start for event INVALID_EVENT");
  }

  @Test
  void eventsAfterAFinalStateAreNotConsumed() {
    PathSimulator.Result r =
        PathSimulator.simulate(component, "SimpleFlow", events("BEGIN", "COMPLETE", "NOPE"));
    assertThat(r.success()).isTrue();
    assertThat(r.path()).containsExactly("Start", "Processing", "Success");
  }

  @Test
  void aTimeoutTransitionFiresByNameAndTheWalkGoesOn() {
    PathSimulator.Result r = PathSimulator.simulate(component, "Waiter", events("TO", "NOPE"));
    assertThat(r.success()).isFalse();
    assertThat(r.path()).containsExactly("W", "X");
    assertThat(r.error()).isEqualTo("No transition from X for event NOPE");
  }

  @Test
  void noEventsIsTheInitialStateAlone() {
    PathSimulator.Result r = PathSimulator.simulate(component, "SimpleFlow", List.of());
    assertThat(r.success()).isTrue();
    assertThat(r.path()).containsExactly("Start");
  }

  @Test
  void anUnknownMachineFails() {
    PathSimulator.Result r = PathSimulator.simulate(component, "Nope", events("BEGIN"));
    assertThat(r.success()).isFalse();
    assertThat(r.path()).isEmpty();
    assertThat(r.error()).isEqualTo("Machine Nope not found");
  }
}
