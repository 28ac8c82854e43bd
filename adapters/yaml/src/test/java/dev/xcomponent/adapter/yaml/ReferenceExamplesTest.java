package dev.xcomponent.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.TransitionType;
import dev.xcomponent.domain.validation.ViolationCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reference example loads without error (SCENARIOS, "Example YAML inputs"). */
class ReferenceExamplesTest {
  private final YamlComponentLoader loader = new YamlComponentLoader();

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.examplesDir())) {
      List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(yaml).as("example files").isNotEmpty();
      return yaml.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void loadsWithoutErrors(Path file) {
    LoadResult r = loader.load(file);
    assertThat(r.errors()).as(r.format()).isEmpty();
    assertThat(r.component()).isNotNull();
    assertThat(r.sourceName()).isEqualTo(file.toString());
    assertThat(r.component().stateMachines()).isNotEmpty();
  }

  @Test
  void approvalWorkflowWarnsAboutItsRemovedGuards() {
    LoadResult r = loader.load(Fixtures.examplesDir().resolve("approval-workflow-component.yaml"));
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.warnings())
        .extracting(Problem::code, Problem::line, Problem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.REMOVED_KEY, 137, 9),
            org.assertj.core.groups.Tuple.tuple(ViolationCodes.REMOVED_KEY, 143, 9));
    assertThat(r.warnings().get(0).violation().path())
        .isEqualTo("stateMachines[0].transitions[6].guard");
    assertThat(r.warnings().get(0).format())
        .startsWith(r.sourceName() + ":137:9: warning REMOVED_KEY: ");
  }

  @Test
  void deprecatedEntryMethodsBecomeOnEntryHooks() {
    Component trading = loader.load(Fixtures.examplesDir().resolve("trading.yaml")).component();
    State pending = trading.machine("OrderEntry").state("Pending");
    assertThat(pending.onEntry()).isEqualTo("logOrderReceived");
    assertThat(trading.machine("Settlement").state("SettlementPending").onEntry())
        .isEqualTo("initiateSettlement");
  }

  @Test
  void examplesAreReadInFull() {
    Component demo =
        loader.load(Fixtures.examplesDir().resolve("simple-xcomponent-demo.yaml")).component();
    assertThat(demo.version()).isEqualTo("1.0.0");
    assertThat(demo.entryMachine()).isEqualTo("Coordinator");
    assertThat(demo.autoCreatesEntryPoint()).isTrue();
    StateMachine worker = demo.machine("Worker");
    assertThat(worker.parentLink().active()).isTrue();
    assertThat(worker.parentLink().onStateChange()).isEqualTo("CHILD_STATE_CHANGED");
    assertThat(demo.machine("Coordinator").transitions().get(1).type())
        .isEqualTo(TransitionType.INTER_MACHINE);

    Component payment =
        loader.load(Fixtures.examplesDir().resolve("distributed-payment-component.yaml"))
            .component();
    var complete = payment.machine("Payment").transitions().get(2);
    assertThat(complete.targetComponent()).isEqualTo("OrderComponent");
    assertThat(complete.targetEvent()).isEqualTo("PAYMENT_CONFIRMED");
    assertThat(complete.matchingRules()).hasSize(1);

    Component order =
        loader.load(Fixtures.examplesDir().resolve("cross-component-demo.yaml")).component();
    var rule = order.machine("Order").state("Validated").cascadingRules().get(0);
    assertThat(rule.targetComponent()).isEqualTo("PaymentComponent");
    assertThat(rule.payload()).containsEntry("orderId", "{{orderId}}");
    assertThat(order.machine("Order").contextSchema().get("amount").min()).isEqualTo(1L);

    Component accumulation =
        loader.load(Fixtures.examplesDir().resolve("event-accumulation-demo.yaml")).component();
    assertThat(accumulation.machine("TradingOrder").contextSchema().get("side").options())
        .extracting(o -> o.get("value"))
        .containsExactly("BUY", "SELL");

    Component timeouts =
        loader.load(Fixtures.examplesDir().resolve("approval-workflow-component.yaml"))
            .component();
    assertThat(timeouts.machine("ExpenseRequest").transitions().get(5).timeoutMs())
        .isEqualTo(604_800_000L);
  }
}
