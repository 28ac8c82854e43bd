package dev.xcomponent.app;

import dev.xcomponent.adapter.yaml.LoadResult;
import dev.xcomponent.adapter.yaml.Problem;
import dev.xcomponent.adapter.yaml.YamlComponentLoader;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.StateMachine;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Loads the component files a command is given. Every problem (errors and warnings) is printed to
 * the error stream in the {@code FILE:LINE:COL: error|warning CODE: message} form; if any file has
 * an error, nothing is returned and the command fails with exit code 1.
 */
public final class ComponentFiles {
  private ComponentFiles() {}

  /** Loads every file, or fails after printing all problems of all files. */
  public static List<Component> loadAll(List<String> files, PrintStream err) throws CliException {
    YamlComponentLoader loader = new YamlComponentLoader();
    List<Component> components = new ArrayList<>(files.size());
    int errors = 0;
    for (String file : files) {
      LoadResult result = loader.load(Path.of(file));
      for (Problem p : result.problems()) {
        err.println(p.format());
      }
      if (result.hasErrors()) {
        errors += result.errors().size();
      } else {
        components.add(result.componentOrNull());
      }
    }
    if (errors > 0) {
      throw new CliException(1, errors + (errors == 1 ? " error" : " errors") + " in component files");
    }
    return components;
  }

  /** Loads one file. */
  public static Component load(String file, PrintStream err) throws CliException {
    return loadAll(List.of(file), err).get(0);
  }

  /** The machine named {@code name}, or a failure listing the machines there are. */
  public static StateMachine machine(Component component, String name) throws CliException {
    StateMachine machine = component.machine(name);
    if (machine == null) {
      StringJoiner names = new StringJoiner(", ");
      component.stateMachines().forEach(m -> names.add(m.name()));
      throw new CliException(
          1,
          "Machine " + name + " not found in component " + component.name()
              + " (machines: " + names + ")");
    }
    return machine;
  }
}
