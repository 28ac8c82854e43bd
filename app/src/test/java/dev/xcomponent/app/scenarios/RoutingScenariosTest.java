package dev.xcomponent.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.BroadcastResult;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCENARIOS §5: transition selection and property routing. */
class RoutingScenariosTest {
  static final String ORDERS =
      """
      name: C
      stateMachines:
        - name: Order
          initialState: Pending
          publicMemberType: Order
          states: [{name: Pending, type: entry}, {name: Executed}, {name: Completed, type: final}]
          transitions:
            - {from: Pending, to: Executed, event: ExecutionInput, matchingRules: [{eventProperty: OrderId, instanceProperty: Id}]}
            - {from: Executed, to: Completed, event: COMPLETE}
        - name: Customer
          initialState: Active
          states: [{name: Active}, {name: Updated}]
          transitions:
            - {from: Active, to: Updated, event: UpdateAddress, matchingRules: [{eventProperty: customer.id, instanceProperty: id}]}
        - name: Account
          initialState: Active
          states: [{name: Active}, {name: HighValue}, {name: LowValue}]
          transitions:
            - from: Active
              to: HighValue
              event: CheckThreshold
              matchingRules: [{eventProperty: accountId, instanceProperty: id}, {eventProperty: threshold, instanceProperty: balance, operator: '>'}]
            - from: Active
              to: LowValue
              event: CheckThreshold
              matchingRules: [{eventProperty: accountId, instanceProperty: id}, {eventProperty: threshold, instanceProperty: balance, operator: '<'}]
        - name: Pick
          initialState: A
          states: [{name: A}, {name: B}, {name: C}, {name: Q}, {name: E}]
          transitions:
            - {from: A, to: B, event: GO, matchingRules: [{eventProperty: k, instanceProperty: k}]}
            - {from: A, to: C, event: GO}
            - {from: A, to: Q, event: SET}
            - {from: Q, to: E, event: EXEC, matchingRules: [{eventProperty: id, instanceProperty: id}]}
            - {from: B, to: A, event: BACK}
        - name: Ambiguous
          initialState: A
          states: [{name: A}, {name: B}, {name: C}]
          transitions:
            - {from: A, to: B, event: GO}
            - {from: A, to: C, event: GO}
      """;

  final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  BroadcastResult broadcast(String machine, String type, Map<String, Object> payload, String state) {
    return Harness.await(h.registry.broadcast("C", machine, Event.of(type, payload, 0), state));
  }

  @Test
  void anInstanceIsRoutableWhenItsCreationIsReported() {
    h.start(ORDERS);
    java.util.List<io.vertx.core.Future<BroadcastResult>> routed = new java.util.concurrent.CopyOnWriteArrayList<>();
    h.registry.addListener(e -> {
      if ("instance_created".equals(e.type()) && "Order".equals(e.payload().get("machineName"))) {
        // A listener reacting at once, on the runtime's thread: the new instance must be found.
        routed.add(h.registry.broadcast("C", "Order", Event.of("ExecutionInput", Map.of("OrderId", 7), 0), null));
      }
    });
    String id = h.create("C", "Order", Map.of("Id", 7));
    Harness.eventually(() -> assertThat(routed).hasSize(1));
    assertThat(Harness.await(routed.get(0)).processed()).isEqualTo(1);
    assertThat(h.state(id)).isEqualTo("Executed");
  }

  @Test
  void broadcastRoutesByPropertyOnCurrentData() {
    h.start(ORDERS);
    String o1 = h.create("C", "Order", Map.of("Id", 1));
    String o2 = h.create("C", "Order", Map.of("Id", 2));
    String o3 = h.create("C", "Order", Map.of("Id", 3));
    assertThat(broadcast("Order", "ExecutionInput", Map.of("OrderId", 2, "ExecutionQuantity", 200), null).processed()).isEqualTo(1);
    assertThat(h.state(o2)).isEqualTo("Executed");
    assertThat(h.state(o1)).isEqualTo("Pending");
    assertThat(h.state(o3)).isEqualTo("Pending");
    assertThat(h.view(o2).publicMember()).isEqualTo(Map.of("Id", 2));
    assertThat(broadcast("Order", "ExecutionInput", Map.of("OrderId", 999), null).processed()).isZero();
    assertThat(broadcast("Order", "ExecutionInput", Map.of("OrderId", 2), null).processed()).isZero();
    assertThat(catchThrowable(() -> broadcast("NonExistent", "X", Map.of(), null))).hasMessageContaining("Machine NonExistent not found");
  }

  @Test
  void multipleMatchesNestedPathsAndOperators() {
    h.start(ORDERS);
    h.create("C", "Order", Map.of("Id", 42));
    h.create("C", "Order", Map.of("Id", 42));
    h.create("C", "Order", Map.of("Id", 99));
    assertThat(broadcast("Order", "ExecutionInput", Map.of("OrderId", 42), null).processed()).isEqualTo(2);
    String c1 = h.create("C", "Customer", Map.of("id", "C001"));
    String c2 = h.create("C", "Customer", Map.of("id", "C002"));
    assertThat(broadcast("Customer", "UpdateAddress", Map.of("customer", Map.of("id", "C001"), "newAddress", "x"), null).processed()).isEqualTo(1);
    assertThat(h.state(c1)).isEqualTo("Updated");
    assertThat(h.state(c2)).isEqualTo("Active");
    String rich = h.create("C", "Account", Map.of("id", "A1", "balance", 1000));
    broadcast("Account", "CheckThreshold", Map.of("accountId", "A1", "threshold", 800), null);
    assertThat(h.state(rich)).isEqualTo("HighValue");
    String poor = h.create("C", "Account", Map.of("id", "A1", "balance", 500));
    broadcast("Account", "CheckThreshold", Map.of("accountId", "A1", "threshold", 800), null);
    assertThat(h.state(poor)).isEqualTo("LowValue");
  }

  @Test
  void selectionFallsBackToTheTransitionWithoutRulesAndAmbiguityTakesTheFirst() {
    h.start(ORDERS);
    String a = h.create("C", "Pick", Map.of("k", 5));
    assertThat(h.send(a, "GO", Map.of("k", 6)).currentState()).isEqualTo("C");
    String b = h.create("C", "Pick", Map.of("k", 5));
    assertThat(h.send(b, "GO", Map.of("k", 5)).currentState()).isEqualTo("B");
    assertThat(h.view(b).data()).isEqualTo(Map.of("k", 5));
    String c = h.create("C", "Ambiguous", Map.of());
    assertThat(h.send(c, "GO", Map.of()).currentState()).isEqualTo("B");
  }

  @Test
  void plainBroadcastCountsOnlyRealTransitions() {
    h.start(ORDERS);
    h.create("C", "Pick", Map.of());
    h.create("C", "Pick", Map.of());
    BroadcastResult r = broadcast("Pick", "BACK", Map.of(), null);
    assertThat(r.matched()).isEqualTo(2);
    assertThat(r.processed()).isZero();
    assertThat(h.events("broadcast_completed")).singleElement()
        .satisfies(e -> assertThat(e.payload()).containsEntry("currentState", "*").containsEntry("matchedCount", 2).containsEntry("processedCount", 0));
  }

  @Test
  void routingIsStrictAndUsesCurrentData() {
    h.start(ORDERS);
    h.create("C", "Order", Map.of("Id", 1));
    assertThat(broadcast("Order", "ExecutionInput", Map.of("OrderId", "1"), null).processed()).isZero();
    assertThat(broadcast("Order", "ExecutionInput", Map.of("OrderId", 1.0), null).processed()).isEqualTo(1);
    String q = h.create("C", "Pick", Map.of("id", 1));
    h.send(q, "SET", Map.of("id", 2));
    assertThat(h.view(q).data()).containsEntry("id", 2);
    assertThat(broadcast("Pick", "EXEC", Map.of("id", 1), null).processed()).isZero();
    assertThat(h.state(q)).isEqualTo("Q");
    assertThat(broadcast("Pick", "EXEC", Map.of("id", 2), null).processed()).isEqualTo(1);
    assertThat(h.state(q)).isEqualTo("E");
  }
}
