package dev.xcomponent.app.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition, for assertions. */
public final class Scrape {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String text;

  public Scrape(String text) {
    this.text = text;
  }

  /**
   * The value of the sample {@code name} whose labels include {@code labels} (name, value, name,
   * value…), or null when there is none.
   */
  public Double value(String name, String... labels) {
    for (String line : text.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.find() || !m.group(1).equals(name)) {
        continue;
      }
      Map<String, String> found = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          found.put(l.group(1), l.group(2));
        }
      }
      boolean all = true;
      for (int i = 0; i < labels.length; i += 2) {
        all &= labels[i + 1].equals(found.get(labels[i]));
      }
      if (all) {
        return Double.valueOf(m.group(4));
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return text;
  }
}
