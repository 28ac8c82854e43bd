package dev.xcomponent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path f = dir.resolve("xcomponent.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void theFileSetsWhatTheEnvironmentLeavesUnsetAndOptionsWinOverBoth() throws Exception {
    Path f = write("PORT: 4100\nHOST: 127.0.0.1\nSNAPSHOT_INTERVAL: 25\nBROKER_URL: memory\n");
    Map<String, String> env = ConfigFile.under(f.toString(), Map.of("HOST", "0.0.0.0", "PORT", " "));
    ServeConfig fromFile = ServeConfig.from(Args.parse(List.of("a.yaml"), ServeConfig.SPEC), env);
    assertThat(fromFile.port()).isEqualTo(4100);
    assertThat(fromFile.host()).isEqualTo("0.0.0.0");
    assertThat(fromFile.store().snapshotInterval()).isEqualTo(25);
    ServeConfig option = ServeConfig.from(Args.parse(List.of("--port", "4200", "a.yaml"), ServeConfig.SPEC), env);
    assertThat(option.port()).isEqualTo(4200);
  }

  @Test
  void mistakesInTheFileStopStartUpNamingTheFileAndTheKey() throws Exception {
    assertThatThrownBy(() -> ConfigFile.under(write("PROT: 3000\n").toString(), Map.of()))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageContaining("unknown setting 'PROT'").hasMessageContaining("accepted: API_TOKEN");
    assertThatThrownBy(() -> ConfigFile.under(write("BROKER_URL: [a, b]\n").toString(), Map.of()))
        .hasMessageContaining("BROKER_URL must be a single value");
    assertThatThrownBy(() -> ConfigFile.under(write("- just\n- a list\n").toString(), Map.of()))
        .hasMessageContaining("must be a mapping");
    assertThatThrownBy(() -> ConfigFile.under(write("PORT: [unclosed\n").toString(), Map.of()))
        .hasMessageContaining("is not valid YAML");
    assertThatThrownBy(() -> ConfigFile.under(write("PORT: 1\nPORT: 2\n").toString(), Map.of()))
        .hasMessageContaining("is not valid YAML");
    assertThatThrownBy(() -> ConfigFile.under(dir.resolve("absent.yaml").toString(), Map.of()))
        .hasMessageContaining("cannot be read");
    Files.writeString(dir.resolve("big.yaml"), "# " + "x".repeat(ConfigFile.MAX_BYTES) + "\n");
    assertThatThrownBy(() -> ConfigFile.under(dir.resolve("big.yaml").toString(), Map.of()))
        .hasMessageContaining("larger than");
  }

  @Test
  void aBadValueInTheFileIsReportedLikeTheSameVariable() throws Exception {
    Path f = write("BROKER_URL: nats://app:pa55@host:4222\n");
    Map<String, String> env = ConfigFile.under(f.toString(), Map.of());
    assertThatThrownBy(() -> ServeConfig.from(Args.parse(List.of("a.yaml"), ServeConfig.SPEC), env))
        .hasMessageContaining("BROKER_URL=nats://app:***@host:4222 is not a supported broker URL")
        .hasMessageNotContaining("pa55");
  }
}
