package dev.xcomponent.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Entry point of {@code app.jar}: the {@code xcomponent} command line. Dispatches to {@code
 * validate}, {@code simulate}, {@code run} and {@code serve}; every command has {@code --help}.
 *
 * <p>Exit codes: 0 success, 1 the command failed (invalid file, unknown machine, start-up error),
 * 2 the command line or the configuration is wrong. Command output goes to stdout, diagnostics and
 * logs to stderr. {@link #run} does the work and returns the code, so tests call it in-process;
 * only {@link #main} exits the JVM.
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "Usage: xcomponent COMMAND [OPTIONS] [ARGS]",
          "",
          "Runtime for business state machines described in YAML components.",
          "",
          "Commands:",
          "  validate  check component files (validate [--strict] FILE...)",
          "  simulate  walk a machine through events without running anything",
          "  run       run one instance of a machine, print its transitions, exit",
          "  serve     serve components over HTTP until stopped",
          "  runtime   run one component's runtime in a distributed deployment",
          "  dashboard serve the dashboard of a distributed deployment",
          "  help      show the help of a command (help COMMAND)",
          "",
          "Run 'xcomponent COMMAND --help' for the arguments and options of a command.",
          "",
          "Options:",
          "  -h, --help     show this help (also: xcomponent COMMAND --help)",
          "  -V, --version  show the version",
          "",
          "Exit status: 0 success, 1 failure, 2 bad command line or configuration.");

  private Main() {}

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, System.getenv()));
  }

  /** Runs {@code args} with the process environment; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  /** Runs {@code args} with {@code env} as the environment; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    String command = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (command) {
      case "-h", "--help" -> {
        out.println(USAGE);
        return 0;
      }
      case "help" -> {
        return help(rest, out, err);
      }
      case "-V", "--version" -> {
        out.println("xcomponent " + version());
        return 0;
      }
      default -> {
        String usage = usageOf(command);
        if (usage == null) {
          err.println("xcomponent: unknown " + (command.startsWith("-") ? "option " : "command ")
              + command);
          err.println();
          err.println(USAGE);
          return 2;
        }
        if (Args.wantsHelp(rest)) {
          out.println(usage);
          return 0;
        }
        return dispatch(command, rest, usage, out, err, env);
      }
    }
  }

  private static int dispatch(
      String command,
      List<String> rest,
      String usage,
      PrintStream out,
      PrintStream err,
      Map<String, String> env) {
    try {
      return switch (command) {
        case "validate" -> ValidateCommand.run(Args.parse(rest, ValidateCommand.SPEC), out, err);
        case "simulate" -> SimulateCommand.run(Args.parse(rest, SimulateCommand.SPEC), out, err);
        case "run" -> RunCommand.run(Args.parse(rest, RunCommand.SPEC), out, err);
        case "serve" -> {
          Args a = Args.parse(rest, ServeConfig.SPEC);
          yield ServeCommand.run(a, err, ConfigFile.under(a, env));
        }
        case "runtime" -> {
          Args a = Args.parse(rest, RuntimeCommand.SPEC);
          yield RuntimeCommand.run(a, err, ConfigFile.under(a, env));
        }
        case "dashboard" -> {
          Args a = Args.parse(rest, DashboardCommand.SPEC);
          yield DashboardCommand.run(a, err, ConfigFile.under(a, env));
        }
        default -> throw new IllegalStateException("no command " + command);
      };
    } catch (UsageException e) {
      err.println("xcomponent " + command + ": " + e.getMessage());
      err.println();
      err.println(usage);
      return 2;
    } catch (CliException e) {
      err.println("xcomponent " + command + ": " + e.getMessage());
      return e.exitCode();
    }
  }

  private static int help(List<String> rest, PrintStream out, PrintStream err) {
    if (rest.isEmpty()) {
      out.println(USAGE);
      return 0;
    }
    String usage = usageOf(rest.get(0));
    if (usage == null) {
      err.println("xcomponent help: unknown command " + rest.get(0));
      err.println();
      err.println(USAGE);
      return 2;
    }
    out.println(usage);
    return 0;
  }

  private static String usageOf(String command) {
    return switch (command) {
      case "validate" -> ValidateCommand.USAGE;
      case "simulate" -> SimulateCommand.USAGE;
      case "run" -> RunCommand.USAGE;
      case "serve" -> ServeCommand.USAGE;
      case "runtime" -> RuntimeCommand.USAGE;
      case "dashboard" -> DashboardCommand.USAGE;
      default -> null;
    };
  }

  /** The version of this build, from the jar's resources ({@code unknown} if absent). */
  static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
