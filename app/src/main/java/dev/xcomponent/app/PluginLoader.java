package dev.xcomponent.app;

import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads business code from a folder of plugin jars: every {@code *.jar} of the folder (not its
 * sub-folders) goes into one class loader whose parent is the runtime's, so plugins see the ports
 * and share them with the runtime. Each {@link HandlerProvider} listed in a jar's {@code
 * META-INF/services} registers its methods; a method registered by two providers keeps the later
 * one, with a warning.
 */
public final class PluginLoader {
  private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

  private PluginLoader() {}

  /**
   * What was loaded. The class loader must stay open while handlers may run; {@link #close} it
   * when the runtime has stopped.
   *
   * @param jars the jars found, sorted by name
   * @param providers class names of the providers, in loading order
   * @param methods method names registered by the plugins
   * @param loader the plugins' class loader, or null when there was nothing to load
   */
  public record Plugins(
      List<Path> jars, List<String> providers, List<String> methods, URLClassLoader loader)
      implements AutoCloseable {
    /** Nothing loaded. */
    public static final Plugins NONE = new Plugins(List.of(), List.of(), List.of(), null);

    public Plugins {
      jars = List.copyOf(jars);
      providers = List.copyOf(providers);
      methods = List.copyOf(methods);
    }

    /** Closes the class loader; failures are logged, never thrown. */
    @Override
    public void close() {
      if (loader != null) {
        try {
          loader.close();
        } catch (IOException e) {
          LOG.warn("could not close the plugin class loader: {}", e.getMessage());
        }
      }
    }
  }

  /**
   * Loads every plugin jar of {@code dir} into {@code registry}.
   *
   * @throws CliException (exit code 1) when the folder does not exist or is not a folder, cannot be
   *     listed, or a provider cannot be loaded or fails while registering
   */
  public static Plugins load(Path dir, HandlerRegistry registry) throws CliException {
    if (!Files.isDirectory(dir)) {
      throw new CliException(
          1,
          "plugins directory " + dir.toAbsolutePath().normalize()
              + (Files.exists(dir) ? " is not a directory" : " does not exist"));
    }
    List<Path> jars = jars(dir);
    if (jars.isEmpty()) {
      LOG.warn("no plugin jar (*.jar) in {}", dir);
      return new Plugins(List.of(), List.of(), List.of(), null);
    }
    URLClassLoader loader =
        new URLClassLoader(urls(jars), PluginLoader.class.getClassLoader());
    List<String> providers = new ArrayList<>();
    TreeSet<String> methods = new TreeSet<>();
    try {
      for (HandlerProvider provider : ServiceLoader.load(HandlerProvider.class, loader)) {
        HandlerRegistry own = new HandlerRegistry();
        String name = provider.getClass().getName();
        provider.register(own);
        TreeSet<String> registered = new TreeSet<>(own.methods());
        for (String method : registered) {
          if (registry.get(method) != null) {
            LOG.warn("method {} of plugin {} replaces an earlier registration", method, name);
          }
          registry.register(method, own.get(method));
        }
        LOG.info("plugin {} registered {} method(s): {}", name, registered.size(), registered);
        providers.add(name);
        methods.addAll(registered);
      }
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      closeQuietly(loader);
      throw new CliException(1, "cannot load plugins from " + dir + ": " + Blocking.describe(e));
    }
    if (providers.isEmpty()) {
      LOG.warn(
          "no HandlerProvider in the jars of {}: each plugin jar lists its provider in"
              + " META-INF/services/{}",
          dir,
          HandlerProvider.class.getName());
    }
    return new Plugins(jars, providers, new ArrayList<>(methods), loader);
  }

  private static List<Path> jars(Path dir) throws CliException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CliException(1, "cannot list plugins directory " + dir + ": " + e.getMessage());
    }
  }

  private static URL[] urls(List<Path> jars) throws CliException {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new CliException(1, "bad plugin path " + jars.get(i) + ": " + e.getMessage());
      }
    }
    return urls;
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException ignored) {
      // the load already failed; that error is the one to report
    }
  }
}
