package dev.xcomponent.adapter.redis;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script shipped as a class-path resource, with its SHA-1 digest computed locally: the
 * store runs it with {@code EVALSHA} and falls back to {@code EVAL} (which caches it again) when
 * the server answers {@code NOSCRIPT}, after a restart or a {@code SCRIPT FLUSH}. Scripts take no
 * {@code KEYS}: they build their key names from the prefix, so the store needs a standalone,
 * replicated or sentinel Redis, not Redis Cluster.
 */
final class LuaScript {
  private final String name;
  private final String source;
  private final String sha;

  private LuaScript(String name, String source) {
    this.name = name;
    this.source = source;
    this.sha = sha1(source);
  }

  /** Reads the script {@code name} next to this class. */
  static LuaScript resource(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing script resource " + name);
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String name() {
    return name;
  }

  String sha() {
    return sha;
  }

  /** {@code SCRIPT LOAD} of this script. */
  Request load() {
    return Request.cmd(Command.SCRIPT).arg("LOAD").arg(source);
  }

  /** {@code EVALSHA sha 0 args…}. */
  Request evalSha(List<String> args) {
    return withArgs(Request.cmd(Command.EVALSHA).arg(sha), args);
  }

  /** {@code EVAL source 0 args…}. */
  Request eval(List<String> args) {
    return withArgs(Request.cmd(Command.EVAL).arg(source), args);
  }

  private static Request withArgs(Request r, List<String> args) {
    r.arg(0);
    for (String a : args) {
      r.arg(a);
    }
    return r;
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
