package dev.xcomponent.app.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.InstanceQuery;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs components in one process the way {@code serve} does (real runtime, real in-memory broker),
 * with helpers that wait for results from the test thread.
 */
final class Harness implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final HandlerRegistry handlers = new HandlerRegistry();
  final List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
  private RuntimeSettings settings = RuntimeSettings.defaults();
  private dev.xcomponent.port.EventStore store;
  LocalComponentRegistry registry;
  /** The broker of the running registry (a new one at each start). */
  InMemoryMessageBroker broker;

  static Component load(String yaml) {
    LoadResult r = new YamlComponentLoader().load("test.yaml", yaml);
    assertThat(r.hasErrors()).as(r.format()).isFalse();
    return r.componentOrNull();
  }

  /** Runs with this event store (null: none). */
  Harness store(dev.xcomponent.port.EventStore s) {
    this.store = s;
    return this;
  }

  Harness settings(RuntimeSettings s) {
    this.settings = s;
    return this;
  }

  Harness start(String... yamls) {
    List<Component> components = new ArrayList<>();
    for (String y : yamls) {
      components.add(load(y));
    }
    registry =
        await(
            LocalComponentRegistry.start(
                vertx,
                components,
                handlers,
                broker = new InMemoryMessageBroker(vertx),
                store,
                settings,
                System::currentTimeMillis,
                List.of(events::add)));
    return this;
  }

  String create(String component, String machine, Map<String, Object> data) {
    return await(registry.createInstance(component, machine, data)).id();
  }

  EventOutcome send(String id, String type, Map<String, Object> payload) {
    return await(registry.sendEvent(null, id, Event.of(type, payload, System.currentTimeMillis())));
  }

  Throwable sendFailure(String id, String type) {
    Future<EventOutcome> f = registry.sendEvent(null, id, Event.of(type, Map.of(), System.currentTimeMillis()));
    try {
      f.await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure, got " + f.result());
  }

  InstanceView view(String id) {
    return registry.findInstance(id).orElse(null);
  }

  String state(String id) {
    InstanceView v = view(id);
    return v == null ? null : v.currentState();
  }

  List<InstanceView> instances(String component, String machine) {
    return registry.listInstances(new InstanceQuery(component, machine, null, null, 10_000));
  }

  List<InstanceView> live(String component, String machine) {
    return instances(component, machine).stream().filter(v -> !v.finished()).toList();
  }

  List<RuntimeEvent> events(String type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }

  static <T> T await(Future<T> f) {
    try {
      return f.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future failed: " + e, e);
    }
  }

  /** Retries {@code assertion} for up to 3 s: for effects that happen after a call returns. */
  static void eventually(Runnable assertion) {
    long deadline = System.currentTimeMillis() + 3000;
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        sleep(10);
      }
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Stops the runtimes (the process "dies"); the harness can be started again. */
  void stop() {
    if (registry != null) {
      await(registry.stop());
      registry = null;
    }
  }

  @Override
  public void close() {
    stop();
    await(vertx.close());
  }
}
