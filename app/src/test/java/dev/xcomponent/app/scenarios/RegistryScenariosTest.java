package dev.xcomponent.app.scenarios;

import static dev.xcomponent.app.scenarios.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.RuntimeFailure;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCENARIOS §9: several components in one process, talking through the in-memory broker. */
class RegistryScenariosTest {
  static final String ORDERS =
      """
      name: OrderComponent
      version: 1.0.0
      stateMachines:
        - name: Order
          initialState: Pending
          publicMemberType: Order
          states: [{name: Pending}, {name: Confirmed}, {name: Completed, type: final}]
          transitions:
            - {from: Pending, to: Confirmed, event: CONFIRM, triggeredMethod: onConfirm}
            - {from: Confirmed, to: Completed, event: COMPLETE, triggeredMethod: onComplete}
      """;
  static final String SHIPPING =
      """
      name: ShippingComponent
      version: 2.0.0
      stateMachines:
        - name: Shipment
          initialState: Created
          publicMemberType: Shipment
          states: [{name: Created}, {name: InTransit}, {name: Delivered, type: final}]
          transitions:
            - {from: Created, to: InTransit, event: SHIP, matchingRules: [{eventProperty: shipmentId, instanceProperty: Id}]}
            - {from: InTransit, to: Delivered, event: DELIVER}
      """;

  final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void bookkeepingAndDuplicateNames() {
    h.start(ORDERS, SHIPPING);
    assertThat(h.registry.components()).extracting(c -> c.name()).containsExactly("OrderComponent", "ShippingComponent");
    assertThat(h.registry.component("OrderComponent").orElseThrow().version()).isEqualTo("1.0.0");
    assertThat(h.registry.runtimes()).hasSize(2);
    Throwable t = catchThrowable(() -> Harness.await(LocalComponentRegistry.start(h.vertx,
        List.of(Harness.load(ORDERS), Harness.load(ORDERS)), h.handlers, new InMemoryMessageBroker(h.vertx),
        RuntimeSettings.defaults())));
    assertThat(t).hasMessageContaining("Component OrderComponent is already registered");
  }

  @Test
  void eventsAddressedThroughAComponentMustBelongToIt() {
    h.start(ORDERS, SHIPPING);
    String o = h.create("OrderComponent", "Order", Map.of("Id", "ORD-001"));
    assertThat(Harness.await(h.registry.sendEvent("OrderComponent", o, Event.of("CONFIRM", Map.of(), 0))).currentState())
        .isEqualTo("Confirmed");
    Throwable wrong = catchThrowable(() -> Harness.await(h.registry.sendEvent("ShippingComponent", o, Event.of("X", Map.of(), 0))));
    assertThat(wrong).hasMessageContaining("not found");
    Throwable unknown = catchThrowable(() -> Harness.await(h.registry.sendEvent("NonExistentComponent", o, Event.of("X", Map.of(), 0))));
    assertThat(unknown).hasMessageContaining("Component NonExistentComponent not found");
    assertThat(h.registry.findInstance(o).orElseThrow().componentName()).isEqualTo("OrderComponent");
  }

  @Test
  void hooksReachOtherComponentsThroughTheBroker() {
    h.handlers.register("onConfirm", c -> {
      c.sender().createInstanceInComponent("ShippingComponent", "Shipment", Map.of("Id", "S1", "orderId", c.data().get("Id")));
      c.sender().createInstanceInComponent("ShippingComponent", "Shipment", Map.of("Id", "S2"));
      return Future.succeededFuture();
    });
    h.handlers.register("onComplete", c -> {
      c.sender().broadcastToComponent("ShippingComponent", "Shipment", Event.of("SHIP", Map.of("shipmentId", "S1"), 0), "Created");
      return Future.succeededFuture();
    });
    h.start(ORDERS, SHIPPING);
    String o = h.create("OrderComponent", "Order", Map.of("Id", "ORD-9"));
    h.send(o, "CONFIRM", Map.of());
    eventually(() -> assertThat(h.live("ShippingComponent", "Shipment")).hasSize(2));
    String s1 = h.live("ShippingComponent", "Shipment").stream().filter(v -> "S1".equals(v.data().get("Id"))).findFirst().orElseThrow().id();
    h.send(o, "COMPLETE", Map.of());
    eventually(() -> assertThat(h.state(s1)).isEqualTo("InTransit"));
    assertThat(h.live("ShippingComponent", "Shipment")).filteredOn(v -> "S2".equals(v.data().get("Id")))
        .singleElement().satisfies(v -> assertThat(v.currentState()).isEqualTo("Created"));
  }

  @Test
  void sendToComponentDeliversToTheNamedInstance() {
    java.util.concurrent.atomic.AtomicReference<String> target = new java.util.concurrent.atomic.AtomicReference<>();
    h.handlers.register("onConfirm", c -> {
      c.sender().sendToComponent("ShippingComponent", target.get(), Event.of("SHIP", Map.of("shipmentId", "S7"), 0));
      return Future.succeededFuture();
    });
    h.start(ORDERS, SHIPPING);
    String shipment = h.create("ShippingComponent", "Shipment", Map.of("Id", "S7"));
    target.set(shipment);
    String o = h.create("OrderComponent", "Order", Map.of("Id", "ORD-1"));
    h.send(o, "CONFIRM", Map.of());
    eventually(() -> assertThat(h.state(shipment)).isEqualTo("InTransit"));
    assertThat(Harness.await(h.registry.history(shipment))).last()
        .satisfies(e -> assertThat(e.sourceComponent()).isEqualTo("OrderComponent"));
  }

  @Test
  void finishedInstancesStayListedForTheRetentionAndRefuseEvents() {
    h.start(ORDERS, SHIPPING);
    String o = h.create("OrderComponent", "Order", Map.of("Id", "X"));
    h.send(o, "CONFIRM", Map.of());
    h.send(o, "COMPLETE", Map.of());
    assertThat(h.instances("OrderComponent", "Order")).singleElement().satisfies(v -> {
      assertThat(v.finished()).isTrue();
      assertThat(v.currentState()).isEqualTo("Completed");
    });
    assertThat(h.sendFailure(o, "CONFIRM")).isInstanceOf(RuntimeFailure.class).hasMessageContaining("not active");
    assertThat(Harness.await(h.registry.history(o))).extracting(e -> e.eventType())
        .containsExactly("INSTANCE_CREATED", "CONFIRM", "COMPLETE");
  }
}
