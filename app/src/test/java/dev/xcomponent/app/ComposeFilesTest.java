package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Docker Compose stacks of {@code docker-compose/<mode>/} and the root {@code Dockerfile},
 * checked without a Docker engine: each file goes through {@code docker-compose config} (Debian's
 * {@code docker-compose} package; the test fails, it does not skip, when the tool is missing), and
 * the printed configuration is checked against the mode of the deployment guide: the services, the
 * dashboard on port 3000, health checks and {@code service_healthy} dependencies, and the broker and
 * store each xcomponent process ends up with, worked out by the product's own command-line parsers
 * from the container's command and environment. Every container path a command names is mapped back
 * through the {@code COPY} lines of the Dockerfile to a file of the repository (or to the build
 * output of a module the Dockerfile builds) that must exist.
 *
 * <p>That the stacks run is checked elsewhere with local processes: the distributed ones by {@code
 * examples/order-payment/.../distributed/*DeploymentTest}, {@code serve} by {@link ServeSmokeTest}.
 */
class ComposeFilesTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path DOCKERFILE = REPO.resolve("Dockerfile");
  static final String ORDER = "examples/order-payment/order-component.yaml";
  static final String PAYMENT = "examples/order-payment/payment-component.yaml";
  static final String INSTALL_HINT =
      "docker-compose is not installed: install it (Debian: apt-get install -y docker-compose; .ci/run does so)"
          + " to check the files of docker-compose/";

  /** One deployment mode: its folder and what its stack must hold. */
  record Mode(
      String folder,
      Set<String> services,
      String front,
      BrokerConfig.Kind broker,
      String brokerService,
      StoreConfig.Kind store,
      String storeService) {
    @Override
    public String toString() {
      return folder;
    }

    boolean distributed() {
      return broker != BrokerConfig.Kind.MEMORY;
    }
  }

  static Stream<Mode> modes() {
    Set<String> distributedApps = Set.of("runtime-order", "runtime-payment", "dashboard");
    return Stream.of(
        new Mode("monolith", Set.of("app"), "app", BrokerConfig.Kind.MEMORY, null, StoreConfig.Kind.NONE, null),
        new Mode("monolith-postgres", Set.of("app", "postgres"), "app", BrokerConfig.Kind.MEMORY, null,
            StoreConfig.Kind.POSTGRES, "postgres"),
        new Mode("distributed", union(distributedApps, "rabbitmq", "postgres"), "dashboard",
            BrokerConfig.Kind.RABBITMQ, "rabbitmq", StoreConfig.Kind.POSTGRES, "postgres"),
        new Mode("distributed-redis", union(distributedApps, "redis", "postgres"), "dashboard",
            BrokerConfig.Kind.REDIS, "redis", StoreConfig.Kind.POSTGRES, "postgres"),
        new Mode("redis-only", union(distributedApps, "redis"), "dashboard",
            BrokerConfig.Kind.REDIS, "redis", StoreConfig.Kind.REDIS, "redis"),
        new Mode("distributed-kafka", union(distributedApps, "kafka", "postgres"), "dashboard",
            BrokerConfig.Kind.KAFKA, "kafka", StoreConfig.Kind.POSTGRES, "postgres"));
  }

  @Test
  void everyFolderIsAModeWithAReadme() throws IOException {
    Set<String> folders;
    try (Stream<Path> s = Files.list(REPO.resolve("docker-compose"))) {
      folders = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    assertThat(folders).containsExactlyInAnyOrderElementsOf(modes().map(Mode::folder).toList());
    assertThat(REPO.resolve("docker-compose/README.md")).isRegularFile();
    for (String folder : folders) {
      assertThat(REPO.resolve("docker-compose").resolve(folder).resolve("README.md")).isRegularFile();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void composeFileRunsTheExampleInItsMode(Mode mode) throws Exception {
    Map<String, Object> config = composeConfig(REPO.resolve("docker-compose").resolve(mode.folder()).resolve("docker-compose.yml"));
    Map<String, Object> services = map(config.get("services"), "services");
    assertThat(services.keySet()).as("services of %s", mode).containsExactlyInAnyOrderElementsOf(mode.services());

    Set<String> apps = new TreeSet<>();
    services.forEach((name, s) -> {
      if (map(s, name).containsKey("build")) {
        apps.add(name);
      }
    });
    Set<String> infrastructure = new TreeSet<>(services.keySet());
    infrastructure.removeAll(apps);
    assertThat(apps).as("services built from the Dockerfile").contains(mode.front());

    // Only the dashboard (or serve) is published, on host port 3000.
    for (String name : services.keySet()) {
      List<int[]> ports = publishedPorts(map(services.get(name), name));
      boolean publishes3000 = ports.stream().anyMatch(p -> p[0] == 3000);
      assertThat(publishes3000).as("%s publishes host port 3000", name).isEqualTo(name.equals(mode.front()));
      if (name.equals(mode.front())) {
        assertThat(ports).as("%s maps host 3000 to container 3000", name)
            .anySatisfy(p -> assertThat(p).containsExactly(3000, 3000));
      }
    }

    // Infrastructure: health checks, and every xcomponent process waits until it is healthy.
    for (String name : infrastructure) {
      Map<String, Object> healthcheck = map(map(services.get(name), name).get("healthcheck"), name + ".healthcheck");
      assertThat(healthcheck.get("disable")).as("%s health check disabled", name).isNotEqualTo(true);
      assertThat(healthcheck.get("test")).as("%s health check test", name).isNotNull();
    }
    if (mode.folder().equals("distributed-kafka")) {
      Map<String, String> env = environment(map(services.get("kafka"), "kafka"));
      assertThat(env.get("KAFKA_PROCESS_ROLES")).as("KRaft roles").contains("broker").contains("controller");
      assertThat(env).as("no ZooKeeper").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
    }

    ImageLayout image = ImageLayout.read();
    Set<String> runtimeFiles = new HashSet<>();
    for (String name : apps) {
      Map<String, Object> service = map(services.get(name), name);
      checkBuild(name, service.get("build"));
      Map<String, Object> dependsOn = map(service.get("depends_on") == null ? Map.of() : service.get("depends_on"),
          name + ".depends_on");
      for (String infra : infrastructure) {
        assertThat(dependsOn).as("%s depends on %s", name, infra).containsKey(infra);
        assertThat(map(dependsOn.get(infra), name + ".depends_on." + infra).get("condition"))
            .as("%s waits for %s", name, infra).isEqualTo("service_healthy");
      }

      List<String> command = strings(service.get("command"), name + ".command");
      assertThat(command).as("%s command", name).isNotEmpty();
      Map<String, String> env = environment(service);
      List<String> rest = command.subList(1, command.size());
      BrokerConfig broker;
      StoreConfig store;
      int port;
      List<String> containerPaths = new ArrayList<>();
      switch (command.get(0)) {
        case "serve" -> {
          assertThat(mode.distributed()).as("%s: serve in a monolith mode", name).isFalse();
          ServeConfig c = ServeConfig.from(Args.parse(rest, ServeConfig.SPEC), env);
          broker = c.broker();
          store = c.store();
          port = c.port();
          assertThat(c.plugins()).as("%s --plugins", name).isNotNull();
          containerPaths.add(c.plugins().toString());
          List<String> files = c.files().stream().map(Path::toString).toList();
          containerPaths.addAll(files);
          assertThat(files.stream().map(f -> image.repoPath(f)).toList()).as("%s runs both components", name)
              .containsExactlyInAnyOrder(ORDER, PAYMENT);
        }
        case "runtime" -> {
          assertThat(mode.distributed()).as("%s: runtime in a distributed mode", name).isTrue();
          ServeConfig c = RuntimeCommand.config(Args.parse(rest, RuntimeCommand.SPEC), env);
          broker = c.broker();
          store = c.store();
          assertThat(c.http()).as("%s serves /health (--port) for the image's health check", name).isTrue();
          port = c.port();
          assertThat(c.plugins()).as("%s --plugins", name).isNotNull();
          containerPaths.add(c.plugins().toString());
          String file = c.files().get(0).toString();
          containerPaths.add(file);
          assertThat(runtimeFiles.add(image.repoPath(file))).as("%s runs a component no other runtime runs", name).isTrue();
        }
        case "dashboard" -> {
          assertThat(mode.distributed()).as("%s: dashboard in a distributed mode", name).isTrue();
          Args args = Args.parse(rest, DashboardCommand.SPEC);
          assertThat(args.positionals()).as("%s takes no file", name).isEmpty();
          broker = BrokerConfig.from(args.value("broker").orElse(null), env);
          store = StoreConfig.from(args.value("database").orElse(null), env);
          port = args.value("port").isPresent() ? ServeConfig.port("--port", args.value("port").get())
              : ServeConfig.env(env, "PORT") != null ? ServeConfig.port("PORT", ServeConfig.env(env, "PORT"))
              : ServeConfig.DEFAULT_PORT;
        }
        default -> throw new AssertionError(name + " runs an unknown command " + command);
      }
      assertThat(port).as("%s listens on 3000 inside its container (EXPOSE, HEALTHCHECK)", name).isEqualTo(3000);
      assertThat(broker.kind()).as("%s broker (%s)", name, broker.describe()).isEqualTo(mode.broker());
      if (mode.brokerService() != null) {
        assertThat(URI.create(broker.url()).getHost()).as("%s broker host", name).isEqualTo(mode.brokerService());
      }
      assertThat(store.kind()).as("%s store (%s)", name, store.describe()).isEqualTo(mode.store());
      if (mode.storeService() != null) {
        assertThat(URI.create(store.url()).getHost()).as("%s store host", name).isEqualTo(mode.storeService());
      }
      // Anything else in the command that names a path in the image must exist too.
      command.stream().filter(t -> t.startsWith("/")).forEach(containerPaths::add);
      for (String path : containerPaths) {
        image.checkExists(name, path);
      }
    }
    if (mode.distributed()) {
      assertThat(runtimeFiles).as("one runtime per component").containsExactlyInAnyOrder(ORDER, PAYMENT);
    }
  }

  @Test
  void dockerfileBuildsANonRootImageOfTheJarAndTheExample() throws IOException {
    ImageLayout image = ImageLayout.read();
    String dockerfile = Files.readString(DOCKERFILE);
    assertThat(image.entrypoint()).containsExactly("java", "-jar", "/app/app.jar");
    image.checkExists("ENTRYPOINT", "/app/app.jar");
    for (String token : image.cmd()) {
      if (token.startsWith("/")) {
        image.checkExists("CMD", token);
      }
    }
    assertThat(image.baseImages().get(0)).as("build stage").startsWith("maven:").contains("17");
    assertThat(image.baseImages().get(image.baseImages().size() - 1)).as("runtime stage")
        .isEqualTo("eclipse-temurin:17-jre");
    assertThat(image.user()).as("USER of the runtime stage").isNotNull().isNotIn("root", "0", "0:0", "root:root");
    List<String> instructions = ImageLayout.instructions(dockerfile);
    assertThat(instructions).as("EXPOSE 3000").contains("EXPOSE 3000");
    assertThat(instructions).as("HEALTHCHECK on /health")
        .anySatisfy(i -> assertThat(i).startsWith("HEALTHCHECK ").contains(" CMD ").contains("/health"));
    assertThat(REPO.resolve(".dockerignore")).isRegularFile();
  }

  // ---- docker-compose ------------------------------------------------------------------------------

  /** {@code docker-compose -f FILE config}, run from the repository root, parsed. */
  static Map<String, Object> composeConfig(Path file) throws Exception {
    assertThat(file).isRegularFile();
    ProcessBuilder pb = new ProcessBuilder("docker-compose", "-f", REPO.relativize(file).toString(), "config")
        .directory(REPO.toFile());
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      return fail(INSTALL_HINT + " (" + e.getMessage() + ")");
    }
    process.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("docker-compose -f " + file + " config did not finish within 120 s");
    }
    String stdout = out.get(10, TimeUnit.SECONDS);
    String stderr = err.get(10, TimeUnit.SECONDS);
    assertThat(process.exitValue()).as("docker-compose -f %s config: %s", REPO.relativize(file), stderr).isZero();
    return map(new Load(LoadSettings.builder().build()).loadFromString(stdout), "docker-compose config");
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The build of an xcomponent service: the repository root and its Dockerfile. */
  private static void checkBuild(String name, Object build) throws IOException {
    Map<String, Object> b = build instanceof String s ? Map.of("context", s) : map(build, name + ".build");
    assertThat(Path.of((String) b.get("context")).toRealPath()).as("%s build context", name).isEqualTo(REPO.toRealPath());
    Object dockerfile = b.get("dockerfile");
    assertThat(dockerfile == null ? "Dockerfile" : dockerfile).as("%s dockerfile", name).isEqualTo("Dockerfile");
  }

  /** {host, container} of each published port, from the short ({@code [ip:]host:container[/tcp]}) or long form. */
  private static List<int[]> publishedPorts(Map<String, Object> service) {
    List<int[]> result = new ArrayList<>();
    Object ports = service.get("ports");
    if (ports == null) {
      return result;
    }
    for (Object p : (List<?>) ports) {
      if (p instanceof Map<?, ?> m) {
        if (m.get("published") != null) {
          result.add(new int[] {Integer.parseInt(m.get("published").toString()), Integer.parseInt(m.get("target").toString())});
        }
      } else {
        String[] parts = p.toString().replaceFirst("/\\w+$", "").split(":");
        if (parts.length >= 2) {
          result.add(new int[] {Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1])});
        }
      }
    }
    return result;
  }

  /** The service's environment (map or {@code NAME=value} list); variables without a value are left out. */
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object e = service.get("environment");
    if (e instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (v != null) {
          env.put(k.toString(), v.toString());
        }
      });
    } else if (e instanceof List<?> l) {
      for (Object item : l) {
        String s = item.toString();
        int eq = s.indexOf('=');
        if (eq > 0) {
          env.put(s.substring(0, eq), s.substring(eq + 1));
        }
      }
    }
    return env;
  }

  private static List<String> strings(Object value, String what) {
    if (value instanceof String s) {
      return Arrays.asList(s.trim().split("\\s+"));
    }
    assertThat(value).as(what).isInstanceOf(List.class);
    return ((List<?>) value).stream().map(Object::toString).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    assertThat(value).as(what).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static Set<String> union(Set<String> a, String... b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(List.of(b));
    return s;
  }

  // ---- Dockerfile ------------------------------------------------------------------------------------

  /**
   * What the root Dockerfile puts where: the build stage copies the repository ({@code COPY . .})
   * into its WORKDIR and runs Maven; the last stage copies files and folders from it ({@code COPY
   * --from=STAGE SRC... DEST}: a SRC ending in {@code /} is a folder whose content goes to DEST).
   *
   * @param files container file to repository path
   * @param folders container folder to repository folder
   * @param builtModules modules named by {@code -pl} in the build stage's Maven command
   */
  record ImageLayout(
      Map<String, String> files,
      Map<String, String> folders,
      Set<String> builtModules,
      List<String> entrypoint,
      List<String> cmd,
      List<String> baseImages,
      String user,
      List<String> ignored) {
    static ImageLayout read() throws IOException {
      assertThat(DOCKERFILE).as("the root Dockerfile").isRegularFile();
      List<String> lines = instructions(Files.readString(DOCKERFILE));
      Map<String, String> workdirs = new LinkedHashMap<>();
      Map<String, String> repoRoots = new LinkedHashMap<>();
      Map<String, String> files = new LinkedHashMap<>();
      Map<String, String> folders = new LinkedHashMap<>();
      Set<String> modules = new HashSet<>();
      List<String> baseImages = new ArrayList<>();
      List<String> entrypoint = List.of();
      List<String> cmd = List.of();
      String user = null;
      String stage = null;
      int stages = 0;
      for (String line : lines) {
        String[] words = line.split("\\s+");
        String op = words[0].toUpperCase(java.util.Locale.ROOT);
        switch (op) {
          case "FROM" -> {
            stages++;
            baseImages.add(words[1]);
            stage = words.length >= 4 && words[2].equalsIgnoreCase("AS") ? words[3] : String.valueOf(stages - 1);
            files.clear();
            folders.clear();
            entrypoint = List.of();
            cmd = List.of();
            user = null;
          }
          case "WORKDIR" -> workdirs.put(stage, words[1]);
          case "USER" -> user = words[1];
          case "ENTRYPOINT" -> entrypoint = jsonArray(line);
          case "CMD" -> cmd = jsonArray(line);
          case "RUN" -> {
            Matcher pl = Pattern.compile("\\s-pl\\s+(\\S+)").matcher(line);
            if (line.contains("mvn ") && pl.find()) {
              modules.addAll(List.of(pl.group(1).split(",")));
            }
          }
          case "COPY" -> {
            List<String> args = new ArrayList<>(List.of(words).subList(1, words.length));
            String from = null;
            while (!args.isEmpty() && args.get(0).startsWith("--")) {
              String flag = args.remove(0);
              if (flag.startsWith("--from=")) {
                from = flag.substring("--from=".length());
              }
            }
            if (from == null) {
              if (args.equals(List.of(".", "."))) {
                repoRoots.put(stage, workdirs.getOrDefault(stage, "/"));
              }
              continue;
            }
            String root = repoRoots.get(from);
            assertThat(root).as("stage %s copies the repository with COPY . .", from).isNotNull();
            String dest = args.get(args.size() - 1);
            for (String src : args.subList(0, args.size() - 1)) {
              assertThat(src).as("COPY source in the build stage").startsWith(root + "/");
              String repo = src.substring(root.length() + 1);
              if (src.endsWith("/")) {
                folders.put(strip(dest), strip(repo));
              } else if (dest.endsWith("/")) {
                files.put(dest + Path.of(repo).getFileName(), repo);
              } else {
                files.put(dest, repo);
              }
            }
          }
          default -> {
            // not needed here
          }
        }
      }
      List<String> ignored = new ArrayList<>();
      Path dockerignore = REPO.resolve(".dockerignore");
      if (Files.isRegularFile(dockerignore)) {
        for (String l : Files.readAllLines(dockerignore)) {
          String t = l.trim();
          if (!t.isEmpty() && !t.startsWith("#")) {
            ignored.add(t);
          }
        }
      }
      return new ImageLayout(Map.copyOf(files), Map.copyOf(folders), Set.copyOf(modules), entrypoint, cmd,
          baseImages, user, ignored);
    }

    /** The repository path that ends up at {@code containerPath}; fails when the image has nothing there. */
    String repoPath(String containerPath) {
      String path = strip(containerPath);
      if (files.containsKey(path)) {
        return files.get(path);
      }
      String best = null;
      for (String folder : folders.keySet()) {
        if ((path.equals(folder) || path.startsWith(folder + "/")) && (best == null || folder.length() > best.length())) {
          best = folder;
        }
      }
      if (best == null) {
        throw new AssertionError(containerPath + " is not laid out by the Dockerfile (files " + files.keySet()
            + ", folders " + folders.keySet() + ")");
      }
      return folders.get(best) + path.substring(best.length());
    }

    /**
     * Fails unless {@code containerPath} comes from the repository: a file or folder that exists and
     * that .dockerignore does not leave out of the build context, or the build output ({@code
     * MODULE/target/X}) of a module that the Dockerfile builds and whose pom writes X.
     */
    void checkExists(String who, String containerPath) throws IOException {
      String repo = repoPath(containerPath);
      int target = repo.indexOf("/target/");
      if (target >= 0) {
        String module = repo.substring(0, target);
        String output = repo.substring(target + "/target/".length()).split("/")[0];
        assertThat(builtModules).as("%s: %s comes from module %s, which the Dockerfile builds (-pl)", who, containerPath,
            module).contains(module);
        Path pom = REPO.resolve(module).resolve("pom.xml");
        assertThat(pom).as("%s: module of %s", who, containerPath).isRegularFile();
        assertThat(Files.readString(pom)).as("%s: %s writes %s", who, pom, output)
            .containsPattern(Pattern.quote("${project.build.directory}/" + output) + "(?=[<\\s/])");
        checkInContext(who, containerPath, module + "/pom.xml");
      } else {
        assertThat(REPO.resolve(repo)).as("%s: %s is %s in the repository", who, containerPath, repo).exists();
        checkInContext(who, containerPath, repo);
      }
    }

    /** Plain (wildcard-free) .dockerignore entries must not leave {@code repo} out of the build context. */
    private void checkInContext(String who, String containerPath, String repo) {
      for (String pattern : ignored) {
        String p = strip(pattern.startsWith("/") ? pattern.substring(1) : pattern);
        if (pattern.startsWith("!") || p.contains("*") || p.contains("?")) {
          continue;
        }
        assertThat(repo.equals(p) || repo.startsWith(p + "/"))
            .as("%s: %s comes from %s, which .dockerignore leaves out (%s)", who, containerPath, repo, pattern)
            .isFalse();
      }
    }

    private static String strip(String path) {
      return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Instructions with their continuation lines joined, comments and blank lines left out. */
    static List<String> instructions(String text) {
      List<String> result = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String raw : text.split("\n")) {
        String line = raw.strip();
        if (line.startsWith("#") || (line.isEmpty() && current.length() == 0)) {
          continue;
        }
        boolean more = line.endsWith("\\");
        current.append(more ? line.substring(0, line.length() - 1) : line).append(' ');
        if (!more) {
          result.add(current.toString().strip().replaceAll("\\s+", " "));
          current.setLength(0);
        }
      }
      if (current.length() > 0) {
        result.add(current.toString().strip().replaceAll("\\s+", " "));
      }
      return result;
    }

    /** The strings of an exec-form instruction ({@code ENTRYPOINT ["a", "b"]}). */
    private static List<String> jsonArray(String line) {
      int open = line.indexOf('[');
      assertThat(open).as("exec form (JSON array): %s", line).isPositive();
      List<String> result = new ArrayList<>();
      Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line.substring(open));
      while (m.find()) {
        result.add(m.group(1));
      }
      return result;
    }
  }
}
