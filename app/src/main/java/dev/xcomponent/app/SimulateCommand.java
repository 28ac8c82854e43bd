package dev.xcomponent.app;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.domain.model.Component;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code simulate FILE MACHINE --events JSON}: a dry run of a machine with {@link PathSimulator}.
 * Prints the path ({@code Start → Processing → Success}) and then {@code success} or {@code
 * failure: <reason>}; exit code 0 on success, 1 on failure.
 */
public final class SimulateCommand {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: xcomponent simulate FILE MACHINE --events JSON",
          "",
          "Walks MACHINE from its initial state with empty data, without running any",
          "business code, timer or side effect, and stops at the first final or error state.",
          "",
          "Options:",
          "  -e, --events JSON  events, in order: '[\"BEGIN\",\"COMPLETE\"]' or",
          "                     '[{\"type\":\"BEGIN\",\"payload\":{\"id\":1}}]' (required)",
          "  -h, --help         show this help",
          "",
          "Exit status: 0 every event fired a transition, 1 failure or invalid file,",
          "2 bad command line.");

  static final Args.Spec SPEC = new Args.Spec(Set.of("events"), Set.of(), Map.of("e", "events"));

  private SimulateCommand() {}

  /** Runs the command; returns the exit code. */
  public static int run(Args args, PrintStream out, PrintStream err)
      throws UsageException, CliException {
    List<String> pos = args.positionals();
    if (pos.size() != 2) {
      throw new UsageException("simulate needs FILE and MACHINE, got " + pos.size() + " arguments");
    }
    List<Event> events = JsonArgs.events(args.require("events"), 0L);
    Component component = ComponentFiles.load(pos.get(0), err);
    ComponentFiles.machine(component, pos.get(1));
    PathSimulator.Result result = PathSimulator.simulate(component, pos.get(1), events);
    out.println(String.join(" → ", result.path()));
    if (result.success()) {
      out.println("success");
      return 0;
    }
    out.println("failure: " + result.error());
    return 1;
  }
}
