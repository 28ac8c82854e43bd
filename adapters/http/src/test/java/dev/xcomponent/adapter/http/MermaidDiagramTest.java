package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.Operator;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.domain.model.TransitionType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {
  private final StateMachine order = Fixtures.shop().machine("Order");

  @Test
  void plainDiagramHasInitialArrowTransitionsAndStaticClasses() {
    String d = MermaidDiagram.render(order, null);
    assertThat(d)
        .startsWith("stateDiagram-v2\n    [*] --> Draft\n")
        .contains("    Draft --> Validated: VALIDATE\n")
        .contains("    Validated --> Shipped: SHIP\n")
        .contains("    Draft --> Cancelled: CANCEL\n")
        .contains("    class Draft entryState\n")
        .contains("    class Shipped terminalState\n")
        .contains("    class Cancelled errorState\n")
        .contains("classDef entryState ")
        .doesNotContain("currentState")
        .doesNotContain("inactiveState");
    assertThat(d).doesNotContain("class Validated");
  }

  @Test
  void currentStateIsHighlightedAndUnreachableStatesGreyed() {
    String d = MermaidDiagram.render(order, "Validated");
    assertThat(d)
        .contains("classDef currentState ")
        .contains("    class Validated currentState\n")
        .contains("    class Draft inactiveState\n")
        .contains("    class Cancelled inactiveState\n")
        .contains("    class Shipped terminalState\n")
        .doesNotContain("classDef entryState")
        .doesNotContain("classDef errorState");
  }

  @Test
  void unknownCurrentStateIsIgnored() {
    assertThat(MermaidDiagram.render(order, "Nowhere"))
        .isEqualTo(MermaidDiagram.render(order, null));
  }

  @Test
  void labelsMarkCrossComponentInterMachineAndRules() {
    String d = MermaidDiagram.render(Fixtures.rich(), null);
    assertThat(d)
        .contains("    Start --> Waiting: 🔗 GO → Helper\n")
        .contains("    Waiting --> Done: 📡 NOTIFY → Billing 🔑amount<limit\n");
    assertThat(
            MermaidDiagram.label(
                Fixtures.transition(
                    0,
                    "A",
                    "B",
                    "E",
                    TransitionType.REGULAR,
                    null,
                    null,
                    List.of(
                        new MatchingRule("a", "b", Operator.EQ),
                        new MatchingRule("c", "d", Operator.GE)))))
        .isEqualTo("E 🔑a=b,c<=d");
  }

  @Test
  void oddNamesGetSafeIdsAndLabelsLoseLineBreaks() {
    StateMachine m =
        new StateMachine(
            "Odd",
            "Start here",
            List.of(
                Fixtures.state("Start here", StateType.ENTRY),
                Fixtures.state("End", StateType.FINAL)),
            List.of(Fixtures.regular(0, "Start here", "End", "GO;\nNOW")),
            null,
            null,
            Map.of(),
            null,
            Map.of());
    String d = MermaidDiagram.render(m, "Start here");
    assertThat(d)
        .contains("    state \"Start here\" as s1\n")
        .contains("    [*] --> s1\n")
        .contains("    s1 --> End: GO, NOW\n")
        .contains("    class s1 currentState\n");
  }

  @Test
  void terminalStatesAndTransitionListFollowTheReference() {
    assertThat(MermaidDiagram.terminalStates(order)).containsExactly("Shipped", "Cancelled");
    List<MermaidDiagram.TransitionInfo> list = MermaidDiagram.transitions(Fixtures.rich());
    assertThat(list).hasSize(3);
    assertThat(list.get(0))
        .isEqualTo(
            new MermaidDiagram.TransitionInfo(
                1, "Start", "Waiting", "GO", "inter_machine", "Helper", null));
    assertThat(list.get(1).type()).isEqualTo("cross_component");
    assertThat(list.get(1).targetComponent()).isEqualTo("Billing");
    assertThat(list.get(2).index()).isEqualTo(3);
  }

  @Test
  void reachabilityFollowsTransitions() {
    assertThat(MermaidDiagram.reachableFrom(order, "Draft"))
        .containsExactlyInAnyOrder("Draft", "Validated", "Shipped", "Cancelled");
    assertThat(MermaidDiagram.reachableFrom(order, "Shipped")).containsExactly("Shipped");
    assertThat(MermaidDiagram.stateClasses(order, "Shipped"))
        .containsEntry("Shipped", "currentState")
        .containsEntry("Draft", "inactiveState");
  }
}
