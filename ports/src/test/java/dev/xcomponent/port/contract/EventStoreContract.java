package dev.xcomponent.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xcomponent.port.AppendResult;
import dev.xcomponent.port.EventStore;
import dev.xcomponent.port.InstanceSnapshot;
import dev.xcomponent.port.OutboxMessage;
import dev.xcomponent.port.SnapshotSearch;
import dev.xcomponent.port.SnapshotStore;
import dev.xcomponent.port.StoreFailure;
import dev.xcomponent.port.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every event and snapshot store passes, whatever its technology. An adapter's test
 * extends this class and opens its store against a real server. Tests use fresh ids and component
 * names, so a store that keeps data between tests (a database) needs no cleaning.
 */
public abstract class EventStoreContract {
  protected static Vertx vertx;
  private EventStore events;
  private SnapshotStore snapshots;

  /** Opens the store under test; it must implement both {@link EventStore} and {@link SnapshotStore}. */
  protected abstract EventStore openStore(Vertx vertx) throws Exception;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void open() throws Exception {
    events = openStore(vertx);
    assertThat(events).as("the store must also be a SnapshotStore").isInstanceOf(SnapshotStore.class);
    snapshots = (SnapshotStore) events;
  }

  @AfterEach
  void close() throws Exception {
    await(events.close());
  }

  protected static <T> T await(Future<T> f) throws Exception {
    return f.await(20, TimeUnit.SECONDS);
  }

  // ---- fixtures -------------------------------------------------------------------------------

  static String newId() {
    return UUID.randomUUID().toString();
  }

  static StoredEvent event(String instance, long seq, String component, long at) {
    return event(instance, seq, component, at, "corr-" + instance, null, null);
  }

  static StoredEvent event(
      String instance, long seq, String component, long at, String correlation, String causation, String key) {
    boolean creation = seq == 1;
    Map<String, Object> data = Map.of("orderId", "O-" + seq, "amount", 99.5, "count", seq,
        "nested", Map.of("list", List.of(1, "two", true), "quote", "it's \"quoted\" '; DROP TABLE fsm_events;--"),
        "unicode", "h\u00e9llo \u2603 \ud83d\ude00");
    return new StoredEvent(
        newId(), instance, seq, component, "Order",
        creation ? StoredEvent.INSTANCE_CREATED : "STEP_" + seq,
        creation ? Map.of("triggerEvent", "manual create") : Map.of("n", seq),
        creation ? "" : "S" + (seq - 1), "S" + seq,
        data, null, data, seq == 9 ? "completed" : "active", creation ? -1 : (int) seq,
        seq == 3 ? "OtherComponent" : null, correlation, causation, key, at);
  }

  static InstanceSnapshot snapshot(String instance, String component, long seq, String status) {
    return new InstanceSnapshot(
        instance, component, "Order", "S" + seq, status, Map.of("pm", 1), Map.of("k", List.of(1, 2)),
        1000, 2000 + seq, seq == 1, null, null, seq, "corr-" + instance, "ev-" + seq,
        List.of(new InstanceSnapshot.ArmedTimer(2, 5000 + seq)));
  }

  /** Compares JSON-like values by meaning: numbers by numeric value. */
  static Object normal(Object v) {
    if (v instanceof Number n) {
      return new java.math.BigDecimal(n.toString()).stripTrailingZeros();
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.TreeMap<>();
      m.forEach((k, x) -> out.put(k, normal(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(normal(x)));
      return out;
    }
    return v;
  }

  static void assertSameEvent(StoredEvent actual, StoredEvent expected) {
    assertThat(actual.id()).isEqualTo(expected.id());
    assertThat(actual.instanceId()).isEqualTo(expected.instanceId());
    assertThat(actual.seq()).isEqualTo(expected.seq());
    assertThat(actual.componentName()).isEqualTo(expected.componentName());
    assertThat(actual.machineName()).isEqualTo(expected.machineName());
    assertThat(actual.eventType()).isEqualTo(expected.eventType());
    assertThat(normal(actual.payload())).isEqualTo(normal(expected.payload()));
    assertThat(actual.fromState()).isEqualTo(expected.fromState());
    assertThat(actual.toState()).isEqualTo(expected.toState());
    assertThat(normal(actual.data())).isEqualTo(normal(expected.data()));
    assertThat(normal(actual.publicMember())).isEqualTo(normal(expected.publicMember()));
    assertThat(normal(actual.context())).isEqualTo(normal(expected.context()));
    assertThat(actual.status()).isEqualTo(expected.status());
    assertThat(actual.transitionIndex()).isEqualTo(expected.transitionIndex());
    assertThat(actual.sourceComponent()).isEqualTo(expected.sourceComponent());
    assertThat(actual.correlationId()).isEqualTo(expected.correlationId());
    assertThat(actual.causationId()).isEqualTo(expected.causationId());
    assertThat(actual.idempotencyKey()).isEqualTo(expected.idempotencyKey());
    assertThat(actual.timestamp()).isEqualTo(expected.timestamp());
  }

  // ---- events ---------------------------------------------------------------------------------

  @Test
  void appendedEventsReadBackInSequenceOrderWithEveryField() throws Exception {
    String id = newId();
    String component = "C-" + newId();
    StoredEvent e1 = event(id, 1, component, 1000);
    StoredEvent e2 = event(id, 2, component, 1001);
    StoredEvent e3 = event(id, 3, component, 1002);
    assertThat(await(events.append(List.of(e1), List.of())).duplicates()).isEmpty();
    await(events.append(List.of(e2, e3), List.of()));
    List<StoredEvent> all = await(events.events(id, 0));
    assertThat(all).hasSize(3);
    assertSameEvent(all.get(0), e1);
    assertSameEvent(all.get(1), e2);
    assertSameEvent(all.get(2), e3);
    assertThat(await(events.events(id, 2))).extracting(StoredEvent::seq).containsExactly(3L);
    assertThat(await(events.events(newId(), 0))).isEmpty();
  }

  @Test
  void eventsOfSeveralInstancesAreReadAfterTheirOwnSequenceNumbers() throws Exception {
    String a = newId();
    String b = newId();
    String c = newId();
    String component = "C-" + newId();
    await(events.append(List.of(event(a, 1, component, 1), event(a, 2, component, 2), event(a, 3, component, 3),
        event(b, 1, component, 4), event(b, 2, component, 5)), List.of()));
    Map<String, Long> after = new java.util.LinkedHashMap<>();
    after.put(a, 1L);
    after.put(b, 2L);
    after.put(c, 0L);
    Map<String, List<StoredEvent>> found = await(events.eventsAfter(after));
    assertThat(found.get(a)).extracting(StoredEvent::seq).containsExactly(2L, 3L);
    assertThat(found.get(b)).isEmpty();
    assertThat(found.get(c)).isEmpty();
    assertSameEvent(found.get(a).get(1), await(events.events(a, 2)).get(0));
  }

  @Test
  void aPublicMemberRoundTripsSeparatelyFromTheContext() throws Exception {
    String id = newId();
    StoredEvent e = new StoredEvent(newId(), id, 1, "C", "Order", StoredEvent.INSTANCE_CREATED, Map.of(), "", "A",
        Map.of("Id", 1), Map.of("Id", 1), Map.of("z", 2), "active", -1, null, "corr", null, null, 10);
    await(events.append(List.of(e), List.of()));
    assertSameEvent(await(events.events(id, 0)).get(0), e);
  }

  @Test
  void aDuplicateSequenceNumberIsAConflictAndTheBatchWritesNothing() throws Exception {
    String id = newId();
    String component = "C-" + newId();
    await(events.append(List.of(event(id, 1, component, 1), event(id, 2, component, 2)), List.of()));
    String other = newId();
    Throwable t = catchThrowable(() -> await(events.append(
        List.of(event(other, 1, component, 3), event(id, 2, component, 3), event(id, 3, component, 3)),
        List.of(snapshot(other, component, 1, "active")))));
    assertThat(t).isInstanceOf(StoreFailure.class);
    assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.CONFLICT);
    assertThat(await(events.events(id, 0))).extracting(StoredEvent::seq).containsExactly(1L, 2L);
    assertThat(await(events.events(other, 0))).isEmpty();
    assertThat(await(snapshots.load(other))).isEmpty();
  }

  @Test
  void anIdempotencyKeySeenTwiceKeepsOneEvent() throws Exception {
    String id = newId();
    String component = "C-" + newId();
    String key = "key-" + newId();
    await(events.append(List.of(event(id, 1, component, 1)), List.of()));
    StoredEvent first = event(id, 2, component, 2, "corr", null, key);
    assertThat(await(events.append(List.of(first), List.of())).duplicates()).isEmpty();
    StoredEvent again = event(id, 3, component, 3, "corr", null, key);
    StoredEvent unrelated = event(newId(), 1, component, 3);
    AppendResult r = await(events.append(List.of(again, unrelated), List.of()));
    assertThat(r.duplicates()).containsExactly(again.id());
    assertThat(await(events.events(id, 0))).extracting(StoredEvent::seq).containsExactly(1L, 2L);
    assertThat(await(events.events(unrelated.instanceId(), 0))).hasSize(1);
  }

  @Test
  void eventsAreFoundByTimeRangeInclusivelyAndWithALimit() throws Exception {
    String id = newId();
    String component = "C-" + newId();
    long base = 4_000_000_000_000L + (long) (Math.random() * 1_000_000_000L);
    List<StoredEvent> list = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      list.add(event(id, i, component, base + i * 10));
    }
    await(events.append(list, List.of()));
    assertThat(await(events.byTimeRange(base + 20, base + 40, 100))).extracting(StoredEvent::seq).containsExactly(2L, 3L, 4L);
    assertThat(await(events.byTimeRange(base + 20, base + 40, 2))).extracting(StoredEvent::seq).containsExactly(2L, 3L);
  }

  @Test
  void causalityAndCorrelationAreQueryable() throws Exception {
    String a = newId();
    String b = newId();
    String correlation = "flow-" + newId();
    StoredEvent cause = event(a, 1, "Orders-" + a, 1, correlation, null, null);
    StoredEvent effect1 = event(b, 1, "Payments-" + b, 2, correlation, cause.id(), null);
    StoredEvent effect2 = event(b, 2, "Payments-" + b, 3, correlation, cause.id(), null);
    StoredEvent unrelated = event(newId(), 1, "Other", 4);
    await(events.append(List.of(cause, effect1), List.of()));
    await(events.append(List.of(effect2, unrelated), List.of()));
    assertThat(await(events.causedBy(cause.id()))).extracting(StoredEvent::id).containsExactly(effect1.id(), effect2.id());
    assertThat(await(events.byCorrelation(correlation, 100))).extracting(StoredEvent::id)
        .containsExactly(cause.id(), effect1.id(), effect2.id());
    assertThat(await(events.byCorrelation(correlation, 2))).hasSize(2);
  }

  @Test
  void concurrentAppendersOfOneSequenceNumberHaveExactlyOneWinner() throws Exception {
    String id = newId();
    String component = "C-" + newId();
    await(events.append(List.of(event(id, 1, component, 1)), List.of()));
    List<Future<AppendResult>> racers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      racers.add(events.append(List.of(event(id, 2, component, 10 + i)), List.of()));
    }
    await(Future.join(racers).otherwiseEmpty());
    assertThat(racers.stream().filter(Future::succeeded).count()).isEqualTo(1);
    assertThat(racers.stream().filter(Future::failed))
        .allSatisfy(f -> assertThat(((StoreFailure) f.cause()).reason()).isEqualTo(StoreFailure.Reason.CONFLICT));
    assertThat(await(events.events(id, 0))).hasSize(2);
  }

  // ---- outbox ---------------------------------------------------------------------------------

  static OutboxMessage outgoing(StoredEvent cause, String sender, int n) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("messageId", "m-" + cause.id() + "-" + n);
    body.put("targetComponent", "Payments");
    body.put("event", Map.of("type", "PAY", "payload", Map.of("amount", 12.5, "quote", "it's")));
    return OutboxMessage.of(cause.id(), sender, "fsm:commands:cross_component_event", body);
  }

  @Test
  void outboxMessagesAreKeptInOrderWithTheirEventUntilRelayed() throws Exception {
    String sender = "C-" + newId();
    String id = newId();
    StoredEvent created = event(id, 1, sender, 1);
    StoredEvent stepped = event(id, 2, sender, 2);
    OutboxMessage a = outgoing(created, sender, 1);
    OutboxMessage b = outgoing(stepped, sender, 1);
    OutboxMessage c = outgoing(stepped, sender, 2);
    await(events.append(List.of(created), List.of(snapshot(id, sender, 1, "active")), List.of(a)));
    await(events.append(List.of(stepped), List.of(), List.of(b, c)));
    StoredEvent elsewhere = event(newId(), 1, "Other-" + sender, 3);
    await(events.append(List.of(elsewhere), List.of(),
        List.of(outgoing(elsewhere, "Other-" + sender, 1), outgoing(event(newId(), 1, "x", 1), "Other-" + sender, 2))));

    List<OutboxMessage> pending = await(events.outbox(sender, 0, 100));
    assertThat(pending).extracting(OutboxMessage::messageId).containsExactly(a.messageId(), b.messageId(), c.messageId());
    assertThat(pending.get(1).eventId()).isEqualTo(stepped.id());
    assertThat(pending.get(1).channel()).isEqualTo("fsm:commands:cross_component_event");
    assertThat(pending.get(1).componentName()).isEqualTo(sender);
    assertThat(normal(pending.get(1).message())).isEqualTo(normal(b.message()));
    assertThat(pending.get(0).position()).isLessThan(pending.get(1).position());
    assertThat(pending.get(1).position()).isLessThan(pending.get(2).position());

    assertThat(await(events.outbox(sender, pending.get(0).position(), 1)))
        .extracting(OutboxMessage::messageId).containsExactly(b.messageId());
    await(events.relayed(sender, List.of(a.messageId(), c.messageId(), "unknown")));
    assertThat(await(events.outbox(sender, 0, 100))).extracting(OutboxMessage::messageId).containsExactly(b.messageId());
    await(events.relayed(sender, List.of(b.messageId())));
    assertThat(await(events.outbox(sender, 0, 100))).isEmpty();
    assertThat(await(events.outbox("Other-" + sender, 0, 100))).hasSize(1);
  }

  @Test
  void theOutboxMessagesOfARefusedOrDuplicateEventAreNotKept() throws Exception {
    String sender = "C-" + newId();
    String id = newId();
    String key = "key-" + newId();
    await(events.append(List.of(event(id, 1, sender, 1)), List.of()));
    StoredEvent keyed = event(id, 2, sender, 2, "corr", null, key);
    OutboxMessage first = outgoing(keyed, sender, 1);
    await(events.append(List.of(keyed), List.of(), List.of(first)));

    StoredEvent again = event(id, 3, sender, 3, "corr", null, key);
    StoredEvent other = event(newId(), 1, sender, 3);
    AppendResult r = await(events.append(List.of(again, other), List.of(),
        List.of(outgoing(again, sender, 1), outgoing(other, sender, 1))));
    assertThat(r.duplicates()).containsExactly(again.id());

    Throwable t = catchThrowable(() -> await(events.append(List.of(event(id, 2, sender, 4)), List.of(),
        List.of(outgoing(event(id, 2, sender, 4), sender, 7)))));
    assertThat(((StoreFailure) t).reason()).isEqualTo(StoreFailure.Reason.CONFLICT);

    StoredEvent later = event(id, 3, sender, 5);
    OutboxMessage sameId = new OutboxMessage(first.messageId(), later.id(), sender, "elsewhere", Map.of("messageId", first.messageId()), 0);
    await(events.append(List.of(later), List.of(), List.of(sameId)));

    List<OutboxMessage> pending = await(events.outbox(sender, 0, 100));
    assertThat(pending).extracting(OutboxMessage::messageId)
        .containsExactly(first.messageId(), outgoing(other, sender, 1).messageId());
    assertThat(pending.get(0).channel()).isEqualTo("fsm:commands:cross_component_event");
  }

  // ---- snapshots ------------------------------------------------------------------------------

  @Test
  void snapshotsAreSavedLoadedAndOverwritten() throws Exception {
    String id = newId();
    String component = "C-" + newId();
    InstanceSnapshot s1 = snapshot(id, component, 1, "active");
    await(events.append(List.of(event(id, 1, component, 1)), List.of(s1)));
    Optional<InstanceSnapshot> loaded = await(snapshots.load(id));
    assertThat(loaded).isPresent();
    assertSameSnapshot(loaded.get(), s1);
    InstanceSnapshot s5 = snapshot(id, component, 5, "active");
    await(snapshots.save(List.of(s5)));
    assertSameSnapshot(await(snapshots.load(id)).orElseThrow(), s5);
    assertThat(await(snapshots.load(newId()))).isEmpty();
  }

  static void assertSameSnapshot(InstanceSnapshot a, InstanceSnapshot e) {
    assertThat(a.instanceId()).isEqualTo(e.instanceId());
    assertThat(a.componentName()).isEqualTo(e.componentName());
    assertThat(a.machineName()).isEqualTo(e.machineName());
    assertThat(a.state()).isEqualTo(e.state());
    assertThat(a.status()).isEqualTo(e.status());
    assertThat(normal(a.publicMember())).isEqualTo(normal(e.publicMember()));
    assertThat(normal(a.context())).isEqualTo(normal(e.context()));
    assertThat(a.createdAt()).isEqualTo(e.createdAt());
    assertThat(a.updatedAt()).isEqualTo(e.updatedAt());
    assertThat(a.entryPoint()).isEqualTo(e.entryPoint());
    assertThat(a.parentId()).isEqualTo(e.parentId());
    assertThat(a.parentMachine()).isEqualTo(e.parentMachine());
    assertThat(a.seq()).isEqualTo(e.seq());
    assertThat(a.correlationId()).isEqualTo(e.correlationId());
    assertThat(a.lastEventId()).isEqualTo(e.lastEventId());
    assertThat(a.timers()).isEqualTo(e.timers());
  }

  @Test
  void activeSnapshotsArePagedByInstanceIdPerComponent() throws Exception {
    String component = "C-" + newId();
    List<String> ids = new ArrayList<>();
    List<InstanceSnapshot> list = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String id = newId();
      ids.add(id);
      list.add(snapshot(id, component, 2, i == 3 ? "completed" : "active"));
    }
    list.add(snapshot(newId(), "Other-" + newId(), 2, "active"));
    await(snapshots.save(list));
    List<String> expected = new ArrayList<>(ids);
    expected.remove(3);
    expected.sort(null);
    List<InstanceSnapshot> page1 = await(snapshots.activeSnapshots(component, null, 4));
    List<InstanceSnapshot> page2 = await(snapshots.activeSnapshots(component, page1.get(page1.size() - 1).instanceId(), 4));
    List<String> seen = new ArrayList<>();
    page1.forEach(s -> seen.add(s.instanceId()));
    page2.forEach(s -> seen.add(s.instanceId()));
    assertThat(page1).hasSize(4);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  static InstanceSnapshot entryPoint(String instance, String component, long seq, String status, boolean entry) {
    return new InstanceSnapshot(
        instance, component, "Order", "S" + seq, status, null, Map.of("k", 1),
        1000, 2000 + seq, entry, null, null, seq, "corr-" + instance, "ev-" + seq, List.of());
  }

  @Test
  void entryPointsAreFoundWhateverTheirStatus() throws Exception {
    String component = "C-" + newId();
    String finished = "b-" + newId();
    String active = "a-" + newId();
    String ordinary = newId();
    String deleted = newId();
    await(snapshots.save(List.of(entryPoint(finished, component, 1, "active", true),
        entryPoint(active, component, 1, "active", true), entryPoint(ordinary, component, 1, "active", false),
        entryPoint(deleted, component, 1, "active", true), entryPoint(newId(), "Other-" + component, 1, "active", true))));
    await(snapshots.save(List.of(entryPoint(finished, component, 4, "completed", true))));
    await(snapshots.delete(deleted));

    List<InstanceSnapshot> found = await(snapshots.entryPoints(component));
    assertThat(found).extracting(InstanceSnapshot::instanceId).containsExactly(active, finished);
    assertThat(found.get(1).status()).isEqualTo("completed");
    assertThat(found.get(1).seq()).isEqualTo(4);
    assertThat(await(snapshots.entryPoints("Nobody-" + component))).isEmpty();
  }

  @Test
  void deletingASnapshotNeverFreesASequenceNumber() throws Exception {
    String id = newId();
    String component = "C-" + newId();
    await(events.append(List.of(event(id, 1, component, 1)), List.of(snapshot(id, component, 1, "active"))));
    await(snapshots.delete(id));
    assertThat(await(snapshots.load(id))).isEmpty();
    Throwable t = catchThrowable(() -> await(events.append(List.of(event(id, 1, component, 2)), List.of())));
    assertThat(t).isInstanceOf(StoreFailure.class);
    assertThat(await(events.events(id, 0))).hasSize(1);
  }

  // ---- search ---------------------------------------------------------------------------------

  static InstanceSnapshot found(String id, String component, String machine, String state, String status, long updatedAt,
      Map<String, Object> publicMember, Map<String, Object> context) {
    return new InstanceSnapshot(id, component, machine, state, status, publicMember, context, 1000, updatedAt, false,
        null, null, updatedAt, "corr-" + id, null, List.of());
  }

  static InstanceSnapshot found(String id, String component, String machine, String state, long updatedAt) {
    return found(id, component, machine, state, "active", updatedAt, null, Map.of("n", updatedAt));
  }

  private List<String> search(String component, String machine, String state, String text, int limit) throws Exception {
    return await(snapshots.search(new SnapshotSearch(component, machine, state, text, limit))).stream()
        .map(InstanceSnapshot::instanceId).toList();
  }

  @Test
  void searchFiltersByComponentMachineAndStateCombinedNewestFirst() throws Exception {
    String c = "C-" + newId();
    String d = "D-" + newId();
    String order = "Order-" + newId();
    String payment = "Payment-" + newId();
    String draft = "Draft-" + newId();
    String a1 = newId();
    String a2 = newId();
    String a3 = newId();
    String a4 = newId();
    String d1 = newId();
    await(events.append(List.of(event(a1, 1, c, 1)), List.of(found(a1, c, order, draft, 5_000))));
    await(snapshots.save(List.of(found(a2, c, order, "Paid", 5_001), found(a3, c, payment, draft, 5_002),
        found(a4, c, order, draft, "completed", 5_003, null, Map.of()), found(d1, d, order, draft, 5_004))));

    assertThat(search(c, null, null, null, 100)).containsExactly(a4, a3, a2, a1);
    assertThat(search(c, order, null, null, 100)).containsExactly(a4, a2, a1);
    assertThat(search(c, order, draft, null, 100)).containsExactly(a4, a1);
    assertThat(search(c, null, draft, null, 100)).containsExactly(a4, a3, a1);
    assertThat(search(null, order, draft, null, 100)).containsExactly(d1, a4, a1);
    assertThat(search(null, null, draft, null, 100)).containsExactly(d1, a4, a3, a1);
    assertThat(search(null, order, null, null, 100)).containsExactly(d1, a4, a2, a1);
    assertThat(search(d, order, null, null, 100)).containsExactly(d1);
    assertThat(search(c, payment, "Paid", null, 100)).isEmpty();
    assertThat(search("Nobody-" + newId(), null, null, null, 100)).isEmpty();

    InstanceSnapshot back = await(snapshots.search(new SnapshotSearch(c, order, draft, null, 1))).get(0);
    assertSameSnapshot(back, found(a4, c, order, draft, "completed", 5_003, null, Map.of()));
  }

  @Test
  void searchFollowsTheLatestSnapshotOfEachInstanceAndForgetsDeletedOnes() throws Exception {
    String c = "C-" + newId();
    String m = "M-" + newId();
    List<String> ids = new ArrayList<>();
    List<InstanceSnapshot> list = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String id = newId();
      ids.add(id);
      list.add(found(id, c, m, "Draft", 10_000 + i));
    }
    await(snapshots.save(list));
    assertThat(search(c, m, "Draft", null, 3)).containsExactly(ids.get(6), ids.get(5), ids.get(4));
    assertThat(search(c, m, null, null, 500)).hasSize(7);

    String moved = ids.get(0);
    await(snapshots.save(List.of(found(moved, c, m, "Done", "completed", 20_000, null, Map.of()))));
    assertThat(search(c, m, "Draft", null, 100)).hasSize(6).doesNotContain(moved);
    assertThat(search(c, m, "Done", null, 100)).containsExactly(moved);
    assertThat(search(c, null, null, null, 1)).containsExactly(moved);

    await(snapshots.delete(ids.get(6)));
    assertThat(search(c, m, "Draft", null, 2)).containsExactly(ids.get(5), ids.get(4));
    await(snapshots.delete(moved));
    assertThat(search(c, m, "Done", null, 100)).isEmpty();
    assertThat(search(c, null, null, null, 100)).hasSize(5);
  }

  @Test
  void searchTextMatchesTheIdOrTheDataIgnoringCase() throws Exception {
    String c = "C-" + newId();
    String d = "D-" + newId();
    String token = "Tok" + newId().substring(0, 8);
    String alice = newId();
    String bob = newId();
    String plain = newId();
    String elsewhere = newId();
    await(snapshots.save(List.of(
        found(alice, c, "Order", "Draft", "active", 1, null,
            Map.of("customer", "Alice Martin", "orderId", "ORD-7781", "tag", token)),
        found(bob, c, "Order", "Draft", "active", 2, Map.of("customer", "Bob"), Map.of("secret", "alice")),
        found(plain, c, "Order", "Draft", "active", 3, null, Map.of("n", 1)),
        found(elsewhere, d, "Order", "Draft", "active", 4, null, Map.of("tag", token.toUpperCase())))));

    assertThat(search(c, null, null, "ALICE", 100)).as("the public member is the data, not the context")
        .containsExactly(alice);
    assertThat(search(c, null, null, "ord-77", 100)).containsExactly(alice);
    assertThat(search(c, null, null, "customer", 100)).containsExactly(bob, alice);
    assertThat(search(c, "Order", "Draft", plain.substring(9, 23).toUpperCase(), 100)).containsExactly(plain);
    assertThat(search(c, null, null, "no such text", 100)).isEmpty();
    assertThat(search(null, null, null, token.toLowerCase(), 100)).containsExactly(elsewhere, alice);
    assertThat(search(d, null, null, token, 100)).containsExactly(elsewhere);
    assertThat(search(c, "Order", "Paid", "alice", 100)).isEmpty();
    assertThat(search(null, null, null, token, 1)).containsExactly(elsewhere);
  }

  @Test
  void searchTextHasNoWildcards() throws Exception {
    String c = "C-" + newId();
    String percent = newId();
    String fifty = newId();
    String underscore = newId();
    String axb = newId();
    String quote = newId();
    String backslash = newId();
    await(snapshots.save(List.of(
        found(percent, c, "M", "S", "active", 1, null, Map.of("note", "50% off")),
        found(fifty, c, "M", "S", "active", 2, null, Map.of("note", "50 off")),
        found(underscore, c, "M", "S", "active", 3, null, Map.of("code", "A_B")),
        found(axb, c, "M", "S", "active", 4, null, Map.of("code", "AXB")),
        found(quote, c, "M", "S", "active", 5, null, Map.of("name", "O'Brien'; DROP TABLE snapshots;--")),
        found(backslash, c, "M", "S", "active", 6, null, Map.of("path", "a\\b")))));

    assertThat(search(c, null, null, "50%", 100)).containsExactly(percent);
    assertThat(search(c, null, null, "%", 100)).containsExactly(percent);
    assertThat(search(c, null, null, "a_b", 100)).containsExactly(underscore);
    assertThat(search(c, null, null, "_", 100)).containsExactly(underscore);
    assertThat(search(c, null, null, "o'brien'; drop", 100)).containsExactly(quote);
    assertThat(search(c, null, null, "\\", 100)).containsExactly(backslash);
    assertThat(search(c, null, null, "[a-z]", 100)).isEmpty();
    assertThat(search(c, null, null, ".*", 100)).isEmpty();
  }
}
