package dev.xcomponent.adapter.yaml;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A class a hostile YAML file names in a tag ({@code !!dev.xcomponent.adapter.yaml.Canary}). If
 * the loader ever loaded or instantiated it, its static initializer would raise {@link #TOUCHED}
 * in {@link Flag}, a separate class, so that tests can read the flag without loading this one.
 */
public class Canary {
  static {
    Flag.TOUCHED.set(true);
  }

  public Canary() {
    Flag.TOUCHED.set(true);
  }

  /** Holder of the flag; reading it does not initialise {@link Canary}. */
  public static final class Flag {
    public static final AtomicBoolean TOUCHED = new AtomicBoolean();

    private Flag() {}
  }
}
