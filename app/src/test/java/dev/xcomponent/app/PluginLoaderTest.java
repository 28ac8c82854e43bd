package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars are built here with java.util.jar: each holds only a {@code META-INF/services} entry
 * naming {@link TestHandlerProvider}, which the class loader finds through its parent. The test so
 * does not depend on the example module being built first.
 */
class PluginLoaderTest {
  @TempDir Path dir;

  @Test
  void registersTheMethodsOfEveryProviderOfEveryJar() throws Exception {
    serviceJar(dir.resolve("a-plugin.jar"), TestHandlerProvider.class.getName());
    Files.writeString(dir.resolve("notes.txt"), "not a jar");
    HandlerRegistry registry = new HandlerRegistry();

    try (PluginLoader.Plugins plugins = PluginLoader.load(dir, registry)) {
      assertThat(plugins.jars()).containsExactly(dir.resolve("a-plugin.jar"));
      assertThat(plugins.providers()).containsExactly(TestHandlerProvider.class.getName());
      assertThat(plugins.methods()).containsExactly("testEntry", "testTriggered");
      assertThat(registry.methods()).containsExactlyInAnyOrder("testEntry", "testTriggered");
      assertThat(plugins.loader()).isNotNull();
    }
  }

  @Test
  void aFolderWithoutJarsLoadsNothing() throws Exception {
    HandlerRegistry registry = new HandlerRegistry();
    try (PluginLoader.Plugins plugins = PluginLoader.load(dir, registry)) {
      assertThat(plugins.providers()).isEmpty();
      assertThat(registry.methods()).isEmpty();
    }
  }

  @Test
  void aMissingFolderIsAnError() {
    assertThatThrownBy(() -> PluginLoader.load(dir.resolve("absent"), new HandlerRegistry()))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("does not exist")
        .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(1));
  }

  @Test
  void aProviderThatCannotBeLoadedIsAnErrorNamingTheFolder() throws Exception {
    serviceJar(dir.resolve("broken.jar"), "dev.xcomponent.app.NoSuchProvider");
    assertThatThrownBy(() -> PluginLoader.load(dir, new HandlerRegistry()))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("cannot load plugins from " + dir)
        .hasMessageContaining("NoSuchProvider");
  }

  /** Writes a jar whose only content is a service file listing {@code providerClass}. */
  static void serviceJar(Path jar, String providerClass) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("META-INF/services/" + HandlerProvider.class.getName()));
      out.write((providerClass + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}
