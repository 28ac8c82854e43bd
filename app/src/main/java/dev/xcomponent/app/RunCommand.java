package dev.xcomponent.app;

import dev.xcomponent.adapter.memory.InMemoryMessageBroker;
import dev.xcomponent.application.LocalComponentRegistry;
import dev.xcomponent.application.RuntimeSettings;
import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.EventOutcome;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.InstanceView;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code run FILE MACHINE [--context JSON] --events JSON [--plugins DIR]}: runs one instance for
 * real, in a private Vert.x with the in-memory broker, then closes everything and returns. Each
 * event is sent once the previous one is processed; business code from plugin jars runs as in
 * {@code serve}. Timers do not outlive the command: the process ends after the last event.
 */
public final class RunCommand {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: xcomponent run FILE MACHINE [--context JSON] --events JSON [--plugins DIR]",
          "",
          "Creates one instance of MACHINE with the given data, sends the events one by one,",
          "prints each transition, then the final state and status, and exits.",
          "",
          "Options:",
          "  -c, --context JSON  initial data of the instance, a JSON object (default {})",
          "  -e, --events JSON   events, in order: '[\"BEGIN\"]' or",
          "                      '[{\"type\":\"BEGIN\",\"payload\":{}}]' (required)",
          "  --plugins DIR       load business code from every *.jar in DIR",
          "  -h, --help          show this help",
          "",
          "Exit status: 0 done, 1 invalid file, unknown machine or runtime error,",
          "2 bad command line.");

  static final Args.Spec SPEC =
      new Args.Spec(
          Set.of("context", "events", "plugins"),
          Set.of(),
          Map.of("c", "context", "e", "events"));

  private static final Duration STEP_LIMIT = Duration.ofSeconds(60);

  private RunCommand() {}

  /** Runs the command; returns the exit code. */
  public static int run(Args args, PrintStream out, PrintStream err)
      throws UsageException, CliException {
    List<String> pos = args.positionals();
    if (pos.size() != 2) {
      throw new UsageException("run needs FILE and MACHINE, got " + pos.size() + " arguments");
    }
    List<Event> events = JsonArgs.events(args.require("events"), System.currentTimeMillis());
    Map<String, Object> context = JsonArgs.context(args.value("context").orElse("{}"));
    Component component = ComponentFiles.load(pos.get(0), err);
    String machine = ComponentFiles.machine(component, pos.get(1)).name();
    HandlerRegistry handlers = new HandlerRegistry();
    PluginLoader.Plugins plugins =
        args.value("plugins").isPresent()
            ? PluginLoader.load(Path.of(args.value("plugins").get()), handlers)
            : PluginLoader.Plugins.NONE;
    Vertx vertx = ProcessVertx.create();
    try {
      LocalComponentRegistry registry =
          Blocking.await(
              LocalComponentRegistry.start(
                  vertx,
                  List.of(component),
                  handlers,
                  new InMemoryMessageBroker(vertx),
                  RuntimeSettings.defaults().withPartitions(1)),
              STEP_LIMIT,
              "starting component " + component.name());
      InstanceView created =
          Blocking.await(
              registry.createInstance(component.name(), machine, context),
              STEP_LIMIT,
              "creating an instance of " + machine);
      out.println("Created instance " + created.id() + " of " + machine + " in " + created.currentState());
      InstanceView last = sendAll(registry, component.name(), created, events, out);
      out.println("Final state: " + last.currentState());
      out.println("Status: " + last.status());
      return 0;
    } finally {
      try {
        Blocking.await(vertx.close(), STEP_LIMIT, "closing Vert.x");
      } finally {
        plugins.close();
      }
    }
  }

  private static InstanceView sendAll(
      LocalComponentRegistry registry,
      String component,
      InstanceView created,
      List<Event> events,
      PrintStream out)
      throws CliException {
    InstanceView current = created;
    for (int i = 0; i < events.size(); i++) {
      if (current.finished() || !"active".equals(current.status())) {
        int left = events.size() - i;
        out.println(
            "stopped: the instance finished in " + current.currentState() + "; "
                + left + (left == 1 ? " event was" : " events were") + " not sent");
        break;
      }
      Event event = events.get(i);
      EventOutcome outcome =
          Blocking.await(
              registry.sendEvent(component, current.id(), event),
              STEP_LIMIT,
              "event " + event.type());
      if (outcome.transitioned()) {
        out.println(
            outcome.previousState() + " → " + outcome.currentState() + " (event: " + event.type() + ")");
      } else {
        out.println("ignored: " + event.type() + " in " + outcome.previousState());
      }
      current = outcome.instance();
    }
    return current;
  }
}
