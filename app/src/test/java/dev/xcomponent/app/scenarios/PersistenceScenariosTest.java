package dev.xcomponent.app.scenarios;

import static dev.xcomponent.app.scenarios.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.memory.InMemoryEventStore;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.HistoryEntry;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.RuntimeFailure;
import dev.xcomponent.port.SnapshotStore;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCENARIOS §10 with the in-memory store: write-ahead, snapshots, restore, timers, causality. */
class PersistenceScenariosTest {
  static final String ORDERS =
      """
      name: OrderComponent
      entryMachine: Order
      stateMachines:
        - name: Order
          initialState: Draft
          publicMemberType: Order
          states: [{name: Draft, type: entry}, {name: Validated}, {name: Confirmed}, {name: Completed, type: final}]
          transitions:
            - {from: Draft, to: Validated, event: VALIDATE}
            - {from: Validated, to: Confirmed, event: CONFIRM}
            - {from: Confirmed, to: Completed, event: COMPLETE}
            - {from: Confirmed, to: Confirmed, event: TOUCH, matchingRules: [{eventProperty: Id, instanceProperty: Id}]}
        - name: Process
          initialState: Waiting
          states: [{name: Waiting}, {name: TimedOut, type: final}]
          transitions:
            - {from: Waiting, to: TimedOut, event: TIMEOUT, type: timeout, timeoutMs: 300}
        - name: SlowProcess
          initialState: Waiting
          states: [{name: Waiting}, {name: TimedOut, type: final}]
          transitions:
            - {from: Waiting, to: TimedOut, event: TIMEOUT, type: timeout, timeoutMs: 2000}
        - name: Parent
          initialState: Start
          states:
            - {name: Start}
            - name: Activated
              type: final
              cascadingRules:
                - {targetMachine: Child, targetState: Idle, event: TRIGGER, matchingRules: [{eventProperty: parentId, instanceProperty: parentId}], payload: {parentId: '{{Id}}'}}
          transitions:
            - {from: Start, to: Activated, event: ACTIVATE}
        - name: Child
          initialState: Idle
          states: [{name: Idle}, {name: Triggered, type: final}]
          transitions:
            - {from: Idle, to: Triggered, event: TRIGGER}
      """;

  final InMemoryEventStore store = new InMemoryEventStore();
  Harness h = new Harness().store(store);

  @AfterEach
  void close() {
    h.close();
  }

  List<StoredEvent> events(String id) {
    return Harness.await(store.events(id, 0));
  }

  @Test
  void everyTransitionIsRecordedInOrderAndHistoryReadsTheStore() {
    h.start(ORDERS);
    String id = h.create("OrderComponent", "Order", Map.of("Id", 1));
    h.send(id, "VALIDATE", Map.of());
    h.send(id, "CONFIRM", Map.of());
    assertThat(events(id)).extracting(StoredEvent::eventType).containsExactly("INSTANCE_CREATED", "VALIDATE", "CONFIRM");
    assertThat(events(id)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(events(id)).allSatisfy(e -> {
      assertThat(e.componentName()).isEqualTo("OrderComponent");
      assertThat(e.machineName()).isEqualTo("Order");
      assertThat(e.data()).isEqualTo(Map.of("Id", 1));
      assertThat(e.correlationId()).isEqualTo(id);
    });
    assertThat(events(id).get(1).fromState()).isEqualTo("Draft");
    assertThat(events(id).get(1).toState()).isEqualTo("Validated");
    List<HistoryEntry> history = Harness.await(h.registry.history(id));
    assertThat(history).extracting(HistoryEntry::eventType).containsExactly("INSTANCE_CREATED", "VALIDATE", "CONFIRM");
    h.send(id, "NOPE", Map.of());
    assertThat(events(id)).as("ignored events are not recorded").hasSize(3);
  }

  @Test
  void snapshotsAreTakenAtCreationEveryIntervalAndOnFinalStates() {
    h.settings(RuntimeSettings.defaults().withSnapshotInterval(3)).start(ORDERS);
    String id = h.create("OrderComponent", "Order", Map.of("Id", 1));
    assertThat(snapshot(id).seq()).isEqualTo(1);
    h.send(id, "VALIDATE", Map.of());
    assertThat(snapshot(id).seq()).isEqualTo(1);
    h.send(id, "CONFIRM", Map.of());
    assertThat(snapshot(id).seq()).isEqualTo(3);
    assertThat(snapshot(id).state()).isEqualTo("Confirmed");
    h.send(id, "COMPLETE", Map.of());
    assertThat(snapshot(id).status()).isEqualTo("completed");
  }

  InstanceSnapshot snapshot(String id) {
    return Harness.await(((SnapshotStore) store).load(id)).orElseThrow();
  }

  @Test
  void aFinishedEntryPointComesBackAfterARestartInsteadOfANewOne() {
    String entry = CompositionScenariosTest.entry("");
    h.start(entry);
    String first = h.instances("E", "M").get(0).id();
    h.send(first, "END", Map.of());
    assertThat(h.view(first).currentState()).isEqualTo("F");
    h.stop();

    h.start(entry);
    assertThat(h.instances("E", "M")).singleElement().satisfies(v -> {
      assertThat(v.id()).isEqualTo(first);
      assertThat(v.entryPoint()).isTrue();
      assertThat(v.currentState()).isEqualTo("F");
    });
  }

  @Test
  void aCrossComponentEventDeliveredAgainAfterARestartIsNotAppliedTwice() {
    h.start(ORDERS);
    String a = h.create("OrderComponent", "Order", Map.of("Id", 1));
    h.send(a, "VALIDATE", Map.of());
    h.send(a, "CONFIRM", Map.of());
    Harness.await(h.broker.publish("fsm:commands:cross_component_event", touch("touch-1")));
    Harness.eventually(() -> assertThat(events(a)).hasSize(4));
    h.stop();

    h.start(ORDERS);
    // The sender re-sends its outbox after a crash, or the broker redelivers: the receiver has
    // forgotten the id in memory, the store has not.
    Harness.await(h.broker.publish("fsm:commands:cross_component_event", touch("touch-1")));
    Harness.await(h.broker.publish("fsm:commands:cross_component_event", touch("touch-2")));
    Harness.eventually(() -> assertThat(events(a)).hasSize(5));
    Harness.sleep(200);
    assertThat(events(a)).extracting(StoredEvent::eventType).containsExactly(
        StoredEvent.INSTANCE_CREATED, "VALIDATE", "CONFIRM", "TOUCH", "TOUCH");
  }

  private static Map<String, Object> touch(String messageId) {
    return Map.of("messageId", messageId, "targetComponent", "OrderComponent", "targetMachine", "Order",
        "event", Map.of("type", "TOUCH", "payload", Map.of("Id", 1)), "sourceComponent", "Elsewhere",
        "matchingRules", List.of(Map.of("eventProperty", "Id", "instanceProperty", "Id", "value", 1)));
  }

  @Test
  void aRestartRestoresUnfinishedInstancesRoutableAndLeavesFinishedOnesFinished() {
    h.settings(RuntimeSettings.defaults().withSnapshotInterval(2)).start(ORDERS);
    String a = h.create("OrderComponent", "Order", Map.of("Id", 1, "CustomerId", "C1"));
    h.send(a, "VALIDATE", Map.of());
    h.send(a, "CONFIRM", Map.of());
    String b = h.create("OrderComponent", "Order", Map.of("Id", 2));
    h.send(b, "VALIDATE", Map.of());
    String c = h.create("OrderComponent", "Order", Map.of("Id", 3));
    h.send(c, "VALIDATE", Map.of());
    h.send(c, "CONFIRM", Map.of());
    h.send(c, "COMPLETE", Map.of());
    String entry = h.instances("OrderComponent", "Order").stream().filter(v -> v.entryPoint()).findFirst().orElseThrow().id();
    h.stop();

    h.start(ORDERS);
    assertThat(h.view(a).currentState()).isEqualTo("Confirmed");
    assertThat(h.view(a).publicMember()).isEqualTo(Map.of("Id", 1, "CustomerId", "C1"));
    assertThat(h.view(b).currentState()).isEqualTo("Validated");
    assertThat(h.view(c)).isNull();
    assertThat(h.instances("OrderComponent", "Order")).filteredOn(v -> v.entryPoint())
        .singleElement().satisfies(v -> assertThat(v.id()).isEqualTo(entry));
    assertThat(Harness.await(h.registry.broadcast("OrderComponent", "Order", Event.of("TOUCH", Map.of("Id", 1), 0), null)).processed())
        .isEqualTo(1);
    h.send(b, "CONFIRM", Map.of());
    h.send(a, "COMPLETE", Map.of());
    assertThat(h.view(a).finished()).isTrue();
    assertThat(events(a)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aTimerThatFellDueWhileDownFiresOnceAtStart() {
    h.start(ORDERS);
    String id = h.create("OrderComponent", "Process", Map.of());
    h.stop();
    Harness.sleep(400);
    h.start(ORDERS);
    eventually(() -> assertThat(h.view(id).finished()).isTrue());
    assertThat(events(id)).extracting(StoredEvent::eventType).containsExactly("INSTANCE_CREATED", "TIMEOUT");
  }

  @Test
  void aTimerStillRunningIsReArmedForItsRemainingTime() {
    h.start(ORDERS);
    String id = h.create("OrderComponent", "SlowProcess", Map.of());
    h.stop();
    h.start(ORDERS);
    assertThat(h.view(id).pendingTimeouts()).singleElement().satisfies(p -> assertThat(p.remainingMs()).isBetween(1L, 2000L));
    eventually(() -> assertThat(h.view(id).finished()).isTrue());
    assertThat(events(id)).hasSize(2);
  }

  @Test
  void causalityLinksCascadesToTheirCauseOnly() {
    h.start(ORDERS);
    String child = h.create("OrderComponent", "Child", Map.of("parentId", 7));
    String other = h.create("OrderComponent", "Child", Map.of("parentId", 8));
    String parent = h.create("OrderComponent", "Parent", Map.of("Id", 7));
    h.send(parent, "ACTIVATE", Map.of());
    eventually(() -> assertThat(events(child)).hasSize(2));
    StoredEvent activate = events(parent).get(1);
    StoredEvent trigger = events(child).get(1);
    assertThat(trigger.causationId()).isEqualTo(activate.id());
    assertThat(trigger.correlationId()).as("the child's transition belongs to the parent's flow")
        .isEqualTo(activate.correlationId());
    assertThat(Harness.await(store.byCorrelation(activate.correlationId(), 100))).extracting(StoredEvent::id)
        .contains(activate.id(), trigger.id());
    assertThat(Harness.await(store.causedBy(activate.id()))).extracting(StoredEvent::id).containsExactly(trigger.id());
    assertThat(events(other)).hasSize(1);
    assertThat(events(other).get(0).causationId()).isNull();
  }

  @Test
  void theAuditTrailAndTheCorrelatedFlowComeFromTheStore() {
    h.start(ORDERS);
    String child = h.create("OrderComponent", "Child", Map.of("parentId", 7));
    String parent = h.create("OrderComponent", "Parent", Map.of("Id", 7));
    h.send(parent, "ACTIVATE", Map.of());
    eventually(() -> assertThat(events(child)).hasSize(2));
    var trail = Harness.await(h.registry.auditTrail(parent));
    assertThat(trail.fromStore()).isTrue();
    assertThat(trail.snapshot().status()).isEqualTo("completed");
    assertThat(trail.events()).extracting(HistoryEntry::eventType).containsExactly("INSTANCE_CREATED", "ACTIVATE");
    var flow = Harness.await(h.registry.correlated(parent, 100));
    assertThat(flow.correlationId()).isEqualTo(parent);
    assertThat(flow.events()).extracting(HistoryEntry::eventType).containsExactly("INSTANCE_CREATED", "ACTIVATE", "TRIGGER");
    assertThat(flow.events().get(2).causationId()).isEqualTo(flow.events().get(1).id());
  }

  @Test
  void aTriggerWithAKnownIdempotencyKeyIsNotAppliedTwice() {
    h.start(ORDERS);
    String id = h.create("OrderComponent", "Order", Map.of("Id", 1));
    Event once = Event.of("VALIDATE", Map.of(), 0).withIdempotencyKey("req-42");
    assertThat(Harness.await(h.registry.sendEvent(null, id, once)).transitioned()).isTrue();
    h.stop();
    h.start(ORDERS);
    String again = "req-42";
    h.send(id, "CONFIRM", Map.of());
    var dup = Harness.await(h.registry.sendEvent(null, id, Event.of("COMPLETE", Map.of(), 0).withIdempotencyKey(again)));
    assertThat(dup.transitioned()).isFalse();
    assertThat(dup.reason()).contains("duplicate");
    assertThat(h.state(id)).isEqualTo("Confirmed");
  }

  @Test
  void aDuplicateKeyAtASnapshotPointLeavesNoSnapshotBehindAndTheInstanceSurvivesARestart() {
    h.start(ORDERS);
    String a = h.create("OrderComponent", "Order", Map.of("Id", 1));
    String b = h.create("OrderComponent", "Order", Map.of("Id", 2));
    for (String id : List.of(a, b)) {
      h.send(id, "VALIDATE", Map.of());
      h.send(id, "CONFIRM", Map.of());
    }
    Harness.await(h.registry.sendEvent(null, a, Event.of("COMPLETE", Map.of(), 0).withIdempotencyKey("k-1")));
    // The same key on another instance, on a transition into a final state (a snapshot point).
    var dup = Harness.await(h.registry.sendEvent(null, b, Event.of("COMPLETE", Map.of(), 0).withIdempotencyKey("k-1")));
    assertThat(dup.transitioned()).isFalse();
    assertThat(h.state(b)).isEqualTo("Confirmed");
    assertThat(snapshot(b).state()).isNotEqualTo("Completed");
    assertThat(snapshot(b).status()).isEqualTo("active");
    assertThat(snapshot(a).status()).isEqualTo("completed");
    h.stop();
    h.start(ORDERS);
    assertThat(h.view(b)).isNotNull();
    assertThat(h.view(b).currentState()).isEqualTo("Confirmed");
  }

  @Test
  void aStoreFailureLeavesTheInstanceUnchangedAndTheRuntimeRecoversByItself() {
    FlakyStore flaky = new FlakyStore(store);
    h.close();
    h = new Harness().store(flaky);
    h.start(ORDERS);
    String id = h.create("OrderComponent", "Order", Map.of("Id", 1));
    flaky.down = true;
    Throwable t = h.sendFailure(id, "VALIDATE");
    assertThat(t).isInstanceOf(RuntimeFailure.class).hasMessageContaining("not recorded");
    assertThat(h.state(id)).isEqualTo("Draft");
    assertThat(events(id)).hasSize(1);
    flaky.down = false;
    assertThat(h.send(id, "VALIDATE", Map.of()).currentState()).isEqualTo("Validated");
    assertThat(events(id)).extracting(StoredEvent::seq).containsExactly(1L, 2L);
  }

  @Test
  void aTimerWhoseEventTheStoreRefusedTriesAgainAndFiresOnce() {
    FlakyStore flaky = new FlakyStore(store);
    h.close();
    h = new Harness().store(flaky);
    h.start(ORDERS);
    String id = h.create("OrderComponent", "Process", Map.of());
    flaky.down = true;
    Harness.sleep(500);
    assertThat(h.state(id)).isEqualTo("Waiting");
    flaky.down = false;
    eventually(() -> assertThat(h.view(id).finished()).isTrue());
    assertThat(events(id)).extracting(StoredEvent::eventType).containsExactly("INSTANCE_CREATED", "TIMEOUT");
  }

  /** Fault injection around the real in-memory store: appends fail while {@code down}. */
  static final class FlakyStore implements EventStore, SnapshotStore {
    final InMemoryEventStore inner;
    volatile boolean down;

    FlakyStore(InMemoryEventStore inner) {
      this.inner = inner;
    }

    @Override
    public Future<AppendResult> append(
        List<StoredEvent> events, List<InstanceSnapshot> snapshots, List<dev.xcomponent.port.OutboxMessage> outbox) {
      return down
          ? Future.failedFuture(new StoreFailure(StoreFailure.Reason.UNAVAILABLE, "connection refused"))
          : inner.append(events, snapshots, outbox);
    }

    @Override
    public Future<List<dev.xcomponent.port.OutboxMessage>> outbox(String component, long after, int limit) {
      return inner.outbox(component, after, limit);
    }

    @Override
    public Future<Void> relayed(String component, List<String> messageIds) {
      return inner.relayed(component, messageIds);
    }

    @Override
    public Future<List<StoredEvent>> events(String instanceId, long afterSeq) {
      return inner.events(instanceId, afterSeq);
    }

    @Override
    public Future<List<StoredEvent>> byTimeRange(long from, long to, int limit) {
      return inner.byTimeRange(from, to, limit);
    }

    @Override
    public Future<List<StoredEvent>> causedBy(String eventId) {
      return inner.causedBy(eventId);
    }

    @Override
    public Future<List<StoredEvent>> byCorrelation(String correlationId, int limit) {
      return inner.byCorrelation(correlationId, limit);
    }

    @Override
    public String describe() {
      return "flaky " + inner.describe();
    }

    @Override
    public Future<Void> close() {
      return inner.close();
    }

    @Override
    public Future<Void> save(List<InstanceSnapshot> snapshots) {
      return inner.save(snapshots);
    }

    @Override
    public Future<Optional<InstanceSnapshot>> load(String instanceId) {
      return inner.load(instanceId);
    }

    @Override
    public Future<List<InstanceSnapshot>> activeSnapshots(String componentName, String afterInstanceId, int limit) {
      return inner.activeSnapshots(componentName, afterInstanceId, limit);
    }

    @Override
    public Future<List<InstanceSnapshot>> entryPoints(String componentName) {
      return inner.entryPoints(componentName);
    }

    @Override
    public Future<List<InstanceSnapshot>> search(dev.xcomponent.port.SnapshotSearch query) {
      return inner.search(query);
    }

    @Override
    public Future<Void> delete(String instanceId) {
      return inner.delete(instanceId);
    }
  }
}
