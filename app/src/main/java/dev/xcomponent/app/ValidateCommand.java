package dev.xcomponent.app;

import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.Problem;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code validate [--strict] FILE...}: checks component files. Every problem is printed on the
 * output stream as {@code FILE:LINE:COL: error|warning CODE: message}; a file without errors gets a
 * summary line (component, machines, states and transitions). Exit code 0 when no file has an
 * error (and, with {@code --strict}, no warning either), else 1.
 */
public final class ValidateCommand {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: xcomponent validate [--strict] FILE...",
          "",
          "Checks component YAML files and prints every problem as",
          "  FILE:LINE:COL: error|warning CODE: message",
          "then one summary line per file without errors.",
          "",
          "Options:",
          "  --strict    fail on warnings too",
          "  -h, --help  show this help",
          "",
          "Exit status: 0 valid, 1 errors (or warnings with --strict), 2 bad command line.");

  static final Args.Spec SPEC = new Args.Spec(Set.of(), Set.of("strict"), Map.of());

  private ValidateCommand() {}

  /** Runs the command; returns the exit code. */
  public static int run(Args args, PrintStream out, PrintStream err) throws UsageException {
    List<String> files = args.positionals();
    if (files.isEmpty()) {
      throw new UsageException("validate needs at least one FILE");
    }
    boolean strict = args.flag("strict");
    YamlComponentLoader loader = new YamlComponentLoader();
    int errors = 0;
    int warnings = 0;
    for (String file : files) {
      LoadResult result = loader.load(Path.of(file));
      for (Problem p : result.problems()) {
        out.println(p.format());
      }
      errors += result.errors().size();
      warnings += result.warnings().size();
      if (!result.hasErrors()) {
        out.println(summary(file, result.componentOrNull(), result.warnings().size()));
      }
    }
    if (files.size() > 1) {
      out.println(
          files.size() + " files: " + plural(errors, "error") + ", " + plural(warnings, "warning"));
    }
    if (errors > 0) {
      return 1;
    }
    if (strict && warnings > 0) {
      err.println("validate --strict: " + plural(warnings, "warning") + " counted as failure");
      return 1;
    }
    return 0;
  }

  /** {@code FILE: OK, component C, 2 machines (A: 3 states, 4 transitions; B: ...)}. */
  static String summary(String file, Component component, int warnings) {
    StringJoiner machines = new StringJoiner("; ");
    for (StateMachine m : component.stateMachines()) {
      machines.add(
          m.name() + ": " + plural(m.states().size(), "state") + ", "
              + plural(m.transitions().size(), "transition"));
    }
    String text =
        file + ": OK, component " + component.name() + ", "
            + plural(component.stateMachines().size(), "machine") + " (" + machines + ")";
    return warnings == 0 ? text : text + ", " + plural(warnings, "warning");
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
