package dev.xcomponent.domain.engine;

import java.util.Locale;

/** Life status of an instance: active until it reaches a final or error state. */
public enum InstanceStatus {
  ACTIVE,
  COMPLETED,
  ERROR;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /** The JSON spelling ({@code active}, {@code completed}, {@code error}). */
  public String jsonName() {
    return jsonName;
  }
}
