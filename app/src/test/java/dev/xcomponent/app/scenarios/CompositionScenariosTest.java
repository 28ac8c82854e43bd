package dev.xcomponent.app.scenarios;

import static dev.xcomponent.app.scenarios.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeEvent;
import dev.xcomponent.port.RuntimeFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCENARIOS §7–§9: inter_machine, parent links, cascades, entry points, several components. */
class CompositionScenariosTest {
  final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void interMachineMapsContextAndLinksTheChild() {
    h.start(
        """
        name: C
        stateMachines:
          - name: Order
            initialState: Created
            states: [{name: Created}, {name: PendingPayment}]
            transitions:
              - {from: Created, to: PendingPayment, event: SUBMIT, type: inter_machine, targetMachine: Payment,
                 contextMapping: {orderId: orderId, paymentAmount: amount}}
          - name: Source
            initialState: A
            states: [{name: A}, {name: B}, {name: Z, type: final}]
            transitions:
              - {from: A, to: B, event: GO, type: inter_machine, targetMachine: Payment}
              - {from: A, to: Z, event: END, type: inter_machine, targetMachine: Payment}
          - name: Payment
            initialState: Pending
            states: [{name: Pending}]
            transitions: []
        """);
    String o = h.create("C", "Order", Map.of("orderId", "ORD-123", "amount", 500, "customerId", "CUST-456", "secretField", "x"));
    h.send(o, "SUBMIT", Map.of());
    InstanceView child = h.live("C", "Payment").get(0);
    assertThat(child.data()).isEqualTo(Map.of("orderId", "ORD-123", "paymentAmount", 500));
    assertThat(child.parentInstanceId()).isEqualTo(o);
    assertThat(child.parentMachineName()).isEqualTo("Order");
    assertThat(h.events("inter_machine_transition")).singleElement().satisfies(e -> assertThat(e.payload())
        .containsEntry("sourceInstanceId", o).containsEntry("targetInstanceId", child.id()).containsEntry("targetMachine", "Payment"));
    assertThat(Harness.await(h.registry.history(child.id())).get(0).payload()).containsEntry("triggerEvent", "inter_machine transition");

    String s = h.create("C", "Source", Map.of("field1", "value1", "field2", "value2"));
    h.send(s, "GO", Map.of("b", 2));
    assertThat(h.live("C", "Payment")).anySatisfy(p -> assertThat(p.data()).isEqualTo(Map.of("field1", "value1", "field2", "value2", "b", 2)));

    h.events.clear();
    String z = h.create("C", "Source", Map.of());
    h.send(z, "END", Map.of());
    List<String> order = h.events.stream().map(RuntimeEvent::type)
        .filter(t -> List.of("state_change", "instance_created", "inter_machine_transition", "instance_disposed").contains(t)).toList();
    assertThat(order.subList(1, order.size())).containsExactly("state_change", "instance_created", "inter_machine_transition", "instance_disposed");
  }

  static final String PARENT =
      """
      name: C
      stateMachines:
        - name: Parent
          initialState: Idle
          states: [{name: Idle}, {name: Waiting}, {name: Done}]
          transitions:
            - {from: Idle, to: Waiting, event: START, type: inter_machine, targetMachine: Child}
            - {from: Waiting, to: Done, event: CHILD_DONE}
        - name: Child
          initialState: A
          %s
          states: [{name: A}, {name: B}]
          transitions:
            - {from: A, to: B, event: GO%s}
      """;

  @Test
  void parentLinkNotifiesTheParentAfterTheChildTransitionWithoutDeadlock() {
    h.start(PARENT.formatted("parentLink: {enabled: true, onStateChange: CHILD_DONE}", ""));
    String p = h.create("C", "Parent", Map.of());
    h.send(p, "START", Map.of());
    String child = h.live("C", "Child").get(0).id();
    assertThat(h.send(child, "GO", Map.of()).currentState()).isEqualTo("B");
    eventually(() -> assertThat(h.state(p)).isEqualTo("Done"));
    assertThat(h.view(p).data()).containsEntry("childInstanceId", child).containsEntry("childMachine", "Child")
        .containsEntry("previousState", "A").containsEntry("newState", "B");
  }

  @Test
  void notifyParentOptionsShapeThePayload() {
    h.start(PARENT.formatted("", ", notifyParent: {event: CHILD_DONE, includeContext: true, includeState: false}"));
    String p = h.create("C", "Parent", Map.of());
    h.send(p, "START", Map.of("x", 1));
    String child = h.live("C", "Child").get(0).id();
    h.send(child, "GO", Map.of());
    eventually(() -> assertThat(h.state(p)).isEqualTo("Done"));
    assertThat(h.view(p).data()).containsKey("childContext").doesNotContainKey("newState");
  }

  @Test
  void cascadesTemplateTypedValuesAndRouteByRules() {
    h.start(
        """
        name: C
        stateMachines:
          - name: Order
            initialState: Pending
            publicMemberType: Order
            states:
              - {name: Pending}
              - name: Confirmed
                cascadingRules:
                  - targetMachine: Shipment
                    targetState: Idle
                    event: START_SHIPMENT
                    matchingRules: [{eventProperty: orderId, instanceProperty: orderId}]
                    payload: {orderId: '{{Id}}', address: '{{ShippingAddress}}', nested: {city: '{{Address.City}}'}, missing: '{{Nope}}'}
                  - {targetMachine: NonExistent, targetState: X, event: NOPE}
            transitions:
              - {from: Pending, to: Confirmed, event: CONFIRM}
          - name: Shipment
            initialState: Idle
            states: [{name: Idle}, {name: Preparing}]
            transitions:
              - {from: Idle, to: Preparing, event: START_SHIPMENT, matchingRules: [{eventProperty: orderId, instanceProperty: orderId}]}
        """);
    String s1 = h.create("C", "Shipment", Map.of("orderId", 1));
    String s2 = h.create("C", "Shipment", Map.of("orderId", 2));
    String o = h.create("C", "Order", Map.of("Id", 1, "ShippingAddress", "123 Main St", "Address", Map.of("City", "Paris")));
    assertThat(h.send(o, "CONFIRM", Map.of()).currentState()).isEqualTo("Confirmed");
    eventually(() -> assertThat(h.state(s1)).isEqualTo("Preparing"));
    assertThat(h.state(s2)).isEqualTo("Idle");
    eventually(() -> assertThat(h.events("cascade_completed")).singleElement().satisfies(e -> assertThat(e.payload())
        .containsEntry("targetMachine", "Shipment").containsEntry("event", "START_SHIPMENT").containsEntry("processedCount", 1)));
    assertThat(h.events("cascade_error")).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) Harness.await(h.registry.history(s1)).get(1).payload();
    assertThat(payload).isEqualTo(Map.of("orderId", 1, "address", "123 Main St", "nested", Map.of("city", "Paris")));
  }

  static final String ORDER_C =
      """
      name: OrderComponent
      version: 1.0.0
      stateMachines:
        - name: Order
          initialState: Created
          states:
            - {name: Created}
            - name: Validated
              cascadingRules:
                - targetComponent: PaymentComponent
                  targetMachine: Payment
                  targetState: Pending
                  event: PROCESS
                  matchingRules: [{eventProperty: orderId, instanceProperty: orderId}]
                  payload: {orderId: '{{orderId}}', amount: '{{amount}}'}
          transitions:
            - {from: Created, to: Validated, event: VALIDATE}
      """;
  static final String PAYMENT_C =
      """
      name: PaymentComponent
      version: 1.0.0
      stateMachines:
        - name: Payment
          initialState: Pending
          states: [{name: Pending}, {name: Processing}]
          transitions:
            - {from: Pending, to: Processing, event: PROCESS}
      """;

  @Test
  void crossComponentCascadeReachesOnlyTheMatchingInstance() {
    h.start(ORDER_C, PAYMENT_C);
    String p1 = h.create("PaymentComponent", "Payment", Map.of("orderId", "O1"));
    String p2 = h.create("PaymentComponent", "Payment", Map.of("orderId", "O2"));
    String o = h.create("OrderComponent", "Order", Map.of("orderId", "O1", "amount", 5));
    h.send(o, "VALIDATE", Map.of());
    eventually(() -> assertThat(h.state(p1)).isEqualTo("Processing"));
    assertThat(h.view(p1).data()).isEqualTo(Map.of("orderId", "O1", "amount", 5));
    assertThat(h.state(p2)).isEqualTo("Pending");
    eventually(() -> assertThat(h.events("cross_component_cascade")).singleElement()
        .satisfies(e -> assertThat(e.payload()).containsEntry("processedCount", 1)));
  }

  @Test
  void componentsOfOneProcessTalkWithoutTheBroker() {
    h.start(ORDER_C, PAYMENT_C);
    List<Map<String, Object>> onTheBroker = new java.util.concurrent.CopyOnWriteArrayList<>();
    Harness.await(h.broker.subscribe("xcomponent:PaymentComponent", onTheBroker::add));
    String p = h.create("PaymentComponent", "Payment", Map.of("orderId", "O1"));
    String o = h.create("OrderComponent", "Order", Map.of("orderId", "O1", "amount", 5));
    h.send(o, "VALIDATE", Map.of());
    eventually(() -> assertThat(h.state(p)).isEqualTo("Processing"));
    Harness.sleep(100);
    assertThat(onTheBroker).as("the cascade went straight to PaymentComponent").isEmpty();
  }

  static String entry(String mode) {
    return """
        name: E
        entryMachine: M
        %s
        stateMachines:
          - name: M
            initialState: A
            states: [{name: A}, {name: F, type: final}]
            transitions:
              - {from: A, to: F, event: END}
        """.formatted(mode);
  }

  @Test
  void singletonEntryPointIsCreatedOnceAndSurvivesItsFinalState() {
    h.start(entry(""));
    List<InstanceView> all = h.instances("E", "M");
    assertThat(all).singleElement().satisfies(v -> {
      assertThat(v.entryPoint()).isTrue();
      assertThat(v.data()).isEmpty();
    });
    assertThat(h.events("entry_point_created")).hasSize(1);
    String id = all.get(0).id();
    h.send(id, "END", Map.of());
    assertThat(h.view(id).status()).isEqualTo("completed");
    assertThat(h.sendFailure(id, "END")).isInstanceOf(RuntimeFailure.class).hasMessageContaining("is not active");
  }

  @Test
  void multipleModeCreatesNoEntryPointUnlessAsked() {
    h.start(entry("entryMachineMode: multiple"));
    assertThat(h.instances("E", "M")).isEmpty();
  }

  @Test
  void multipleModeWithAutoCreateMakesOne() {
    h.start(entry("entryMachineMode: multiple\nautoCreateEntryPoint: true"));
    assertThat(h.instances("E", "M")).hasSize(1);
  }
}
