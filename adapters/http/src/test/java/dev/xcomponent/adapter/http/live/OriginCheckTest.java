package dev.xcomponent.adapter.http.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginCheckTest {
  private static final List<String> NONE = List.of();

  @Test
  void nonBrowserClientsSendNoOriginAndPass() {
    assertThat(OriginCheck.allowed(null, "localhost:3000", "http", NONE)).isTrue();
  }

  @Test
  void theSameHostAndPortPass() {
    assertThat(OriginCheck.allowed("http://localhost:3000", "localhost:3000", "http", NONE))
        .isTrue();
    assertThat(OriginCheck.allowed("HTTP://LocalHost:3000", "localhost:3000", "http", NONE))
        .isTrue();
    assertThat(OriginCheck.allowed("http://example.com", "example.com", "http", NONE)).isTrue();
    assertThat(OriginCheck.allowed("http://example.com", "example.com:80", "http", NONE))
        .isTrue();
    assertThat(OriginCheck.allowed("https://example.com", "example.com", "https", NONE)).isTrue();
    assertThat(OriginCheck.allowed("http://[::1]:3000", "[::1]:3000", "http", NONE)).isTrue();
  }

  @Test
  void otherHostsPortsAndSchemesAreRefused() {
    assertThat(OriginCheck.allowed("https://evil.example", "localhost:3000", "http", NONE))
        .isFalse();
    assertThat(OriginCheck.allowed("http://localhost:3001", "localhost:3000", "http", NONE))
        .isFalse();
    assertThat(OriginCheck.allowed("https://example.com", "example.com", "http", NONE)).isFalse();
    assertThat(OriginCheck.allowed("http://localhost.evil:3000", "localhost:3000", "http", NONE))
        .isFalse();
    assertThat(OriginCheck.allowed("null", "localhost:3000", "http", NONE)).isFalse();
    assertThat(OriginCheck.allowed("file://", "localhost:3000", "http", NONE)).isFalse();
    assertThat(OriginCheck.allowed("http://a b", "localhost:3000", "http", NONE)).isFalse();
    assertThat(OriginCheck.allowed("http://localhost:3000", null, "http", NONE)).isFalse();
  }

  @Test
  void theAllowListIsMatchedExactly() {
    List<String> allowed = List.of("https://ops.example");
    assertThat(OriginCheck.allowed("https://ops.example", "api:3000", "http", allowed)).isTrue();
    assertThat(OriginCheck.allowed("https://OPS.example", "api:3000", "http", allowed)).isTrue();
    assertThat(OriginCheck.allowed("https://ops.example:8443", "api:3000", "http", allowed))
        .isFalse();
    assertThat(OriginCheck.allowed("http://ops.example", "api:3000", "http", allowed)).isFalse();
  }
}
