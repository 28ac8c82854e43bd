package dev.xcomponent.app.scenarios;

import static dev.xcomponent.app.scenarios.Harness.await;
import static dev.xcomponent.app.scenarios.Harness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RemoteComponentRegistry;
import dev.xcomponent.application.RuntimeHost;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.port.ComponentRegistry;
import dev.xcomponent.port.InstanceCursor;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Instance listings page by page through the registries: newest first, live and finished
 * instances together, filters with and without the per-state index, and changes while paging.
 */
class InstanceListingTest {
  static final String TICKETS =
      """
      name: Tickets
      stateMachines:
        - name: Ticket
          initialState: Open
          states: [{name: Open, type: entry}, {name: Working}, {name: Parked}, {name: Closed, type: final}]
          transitions:
            - {from: Open, to: Working, event: START}
            - {from: Working, to: Parked, event: PARK}
            - {from: Parked, to: Working, event: START}
            - {from: Working, to: Closed, event: CLOSE}
            - {from: Open, to: Closed, event: CLOSE}
        - name: Note
          initialState: Open
          states: [{name: Open, type: entry}, {name: Done, type: final}]
          transitions:
            - {from: Open, to: Done, event: CLOSE}
      """;
  static final String BOARDS =
      """
      name: Boards
      stateMachines:
        - name: Board
          initialState: Open
          states: [{name: Open, type: entry}, {name: Archived, type: final}]
          transitions:
            - {from: Open, to: Archived, event: ARCHIVE}
      """;
  /** Newest first. */
  static final Comparator<InstanceView> ORDER =
      Comparator.comparing(InstanceCursor::of).reversed();

  final Harness h = new Harness();

  @AfterEach
  void close() {
    h.close();
  }

  private void send(String id, String type) {
    assertThat(h.send(id, type, Map.of()).transitioned()).as(type + " " + id).isTrue();
  }

  /** Every page of {@code q} from the start, following the last id of each page. */
  static List<InstanceView> pages(ComponentRegistry r, InstanceQuery q) {
    List<InstanceView> out = new ArrayList<>();
    InstanceCursor after = null;
    while (true) {
      List<InstanceView> page =
          r.listInstances(new InstanceQuery(q.component(), q.machine(), q.state(), q.status(), q.limit(), after));
      out.addAll(page);
      if (page.size() < q.limit()) {
        return out;
      }
      after = InstanceCursor.of(page.get(page.size() - 1));
    }
  }

  private static List<String> ids(List<InstanceView> views) {
    return views.stream().map(InstanceView::id).toList();
  }

  @Test
  void pagesGoNewestFirstAcrossComponentsLiveAndFinishedTogether() {
    h.start(TICKETS, BOARDS);
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      tickets.add(h.create("Tickets", "Ticket", Map.of("n", i)));
      h.create("Boards", "Board", Map.of("n", i));
    }
    for (int i = 0; i < 30; i += 4) {
      send(tickets.get(i), "CLOSE"); // finished, retained
    }
    List<InstanceView> all = h.registry.listInstances(new InstanceQuery(null, null, null, null, 1_000));
    assertThat(all).hasSize(60).isSortedAccordingTo(ORDER);
    assertThat(all.stream().filter(InstanceView::finished)).hasSize(8);
    assertThat(ids(pages(h.registry, new InstanceQuery(null, null, null, null, 7)))).isEqualTo(ids(all));
    assertThat(ids(pages(h.registry, new InstanceQuery("Tickets", null, null, null, 4))))
        .isEqualTo(ids(all.stream().filter(v -> v.componentName().equals("Tickets")).toList()));
    assertThat(ids(pages(h.registry, new InstanceQuery(null, null, null, "completed", 3))))
        .isEqualTo(ids(all.stream().filter(InstanceView::finished).toList()));
  }

  @Test
  void stateAndMachineFiltersAnswerTheSameBeforeAndAfterTheirIndexIsBuilt() {
    h.start(TICKETS);
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      tickets.add(h.create("Tickets", "Ticket", Map.of("n", i)));
      if (i % 10 == 0) {
        h.create("Tickets", "Note", Map.of("n", i));
      }
    }
    for (int i = 0; i < 200; i += 3) {
      send(tickets.get(i), "START");
    }
    List<InstanceQuery> queries = List.of(
        new InstanceQuery("Tickets", "Ticket", "Working", null, 9),
        new InstanceQuery(null, null, "Open", "active", 11),
        new InstanceQuery("Tickets", "Note", null, null, 5),
        new InstanceQuery("Tickets", "Ticket", "Parked", null, 5));
    List<List<String>> scanned = new ArrayList<>();
    for (InstanceQuery q : queries) {
      scanned.add(ids(pages(h.registry, q)));
    }
    assertThat(scanned.get(0)).hasSize(67);
    assertThat(scanned.get(1)).hasSize(133 + 20);
    assertThat(scanned.get(2)).hasSize(20);
    assertThat(scanned.get(3)).isEmpty();
    // The first filtered listing asked the partitions to index the machine: same answers then.
    eventually(() -> {
      for (int i = 0; i < queries.size(); i++) {
        assertThat(ids(pages(h.registry, queries.get(i)))).isEqualTo(scanned.get(i));
      }
    });
    // And kept in step with later transitions, creations and disposals.
    send(tickets.get(0), "PARK");
    send(tickets.get(3), "CLOSE");
    send(tickets.get(1), "START");
    String late = h.create("Tickets", "Ticket", Map.of());
    send(late, "START");
    List<InstanceView> all = h.registry.listInstances(new InstanceQuery(null, null, null, null, 1_000));
    for (InstanceQuery q : queries) {
      List<String> expected = ids(all.stream()
          .filter(v -> q.matches(v.machineName(), v.currentState(), v.status())).toList());
      assertThat(ids(pages(h.registry, q))).as(q.toString()).isEqualTo(expected);
    }
    assertThat(ids(pages(h.registry, queries.get(3)))).containsExactly(tickets.get(0));
  }

  @Test
  void pagingWhileInstancesChangeStateNeitherSkipsNorRepeats() throws Exception {
    h.start(TICKETS);
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      tickets.add(h.create("Tickets", "Ticket", Map.of("n", i)));
    }
    for (int i = 0; i < 2_000; i += 2) {
      send(tickets.get(i), "START");
    }
    // Three threads move the even ones Parked/Working back and forth, and close some (finished,
    // they keep their place).
    AtomicBoolean stop = new AtomicBoolean();
    Runnable moves = () -> {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      while (!stop.get()) {
        String id = tickets.get(2 * r.nextInt(1_000));
        String event = r.nextInt(20) == 0 ? "CLOSE" : r.nextBoolean() ? "PARK" : "START";
        try {
          h.registry.sendEvent(null, id, Event.of(event, Map.of(), System.currentTimeMillis()))
              .await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          // finished already, or ignored: the next one
        }
      }
    };
    List<Thread> movers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      movers.add(new Thread(moves));
    }
    movers.forEach(Thread::start);
    try {
      for (int round = 0; round < 5; round++) {
        List<String> machine = ids(pages(h.registry, new InstanceQuery("Tickets", "Ticket", null, null, 37)));
        assertThat(machine).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tickets);
        List<String> everything = ids(pages(h.registry, new InstanceQuery(null, null, null, null, 53)));
        assertThat(everything).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tickets);
        // The odd ones never move: a state filter lists each of them once.
        List<String> open = ids(pages(h.registry, new InstanceQuery(null, "Ticket", "Open", null, 29)));
        assertThat(open).doesNotHaveDuplicates().hasSize(1_000);
      }
    } finally {
      stop.set(true);
      for (Thread t : movers) {
        t.join();
      }
    }
  }

  @Test
  void aDashboardProcessPagesTheInstancesRuntimesReported() throws Exception {
    InMemoryMessageBroker bus = new InMemoryMessageBroker(h.vertx);
    RemoteComponentRegistry dashboard = await(RemoteComponentRegistry.start(h.vertx, bus.connection(), null,
        new RemoteComponentRegistry.Settings(2_000, 5_000, 10_000, "test")));
    LocalComponentRegistry runtime = await(LocalComponentRegistry.start(h.vertx, List.of(Harness.load(TICKETS)),
        h.handlers, bus.connection(), RuntimeSettings.defaults()));
    await(RuntimeHost.start(h.vertx, runtime, bus.connection(), new RuntimeHost.Settings("test", 0, 200, 1_000)));
    eventually(() -> assertThat(dashboard.components()).hasSize(1));
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      created.add(await(dashboard.createInstance("Tickets", "Ticket", Map.of("n", i))).id());
    }
    await(dashboard.sendEvent(null, created.get(5), Event.of("START", Map.of(), System.currentTimeMillis())));
    await(dashboard.sendEvent(null, created.get(6), Event.of("CLOSE", Map.of(), System.currentTimeMillis())));
    List<InstanceView> all = pages(dashboard, new InstanceQuery("Tickets", null, null, null, 10));
    assertThat(ids(all)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    assertThat(all).isSortedAccordingTo(ORDER);
    eventually(() -> assertThat(ids(pages(dashboard, new InstanceQuery(null, "Ticket", "Working", null, 1))))
        .containsExactly(created.get(5)));
    eventually(() -> assertThat(ids(pages(dashboard, new InstanceQuery(null, null, null, "completed", 2))))
        .containsExactly(created.get(6)));
    await(dashboard.stop());
  }
}
