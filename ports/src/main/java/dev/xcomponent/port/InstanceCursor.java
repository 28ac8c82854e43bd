package dev.xcomponent.port;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A position in the order of instance listings: by creation time, then by id (listings go newest
 * first, the reverse of the natural order). An instance keeps
 * its position for as long as it is listed (through state changes and once finished), so a listing
 * resumed after a cursor neither repeats nor skips the instances it had not reached.
 *
 * <p>Its text form ({@link #encode()}) is opaque to callers: URL-safe Base64 of {@code
 * createdAt:id}.
 *
 * @param createdAt creation time of the last instance seen (epoch ms)
 * @param id id of the last instance seen
 */
public record InstanceCursor(long createdAt, String id) implements Comparable<InstanceCursor> {
  public InstanceCursor {
    Objects.requireNonNull(id, "id");
  }

  /** The position of {@code view}. */
  public static InstanceCursor of(InstanceView view) {
    return new InstanceCursor(view.createdAt(), view.id());
  }

  /**
   * Reads the text form.
   *
   * @throws IllegalArgumentException when {@code text} is no cursor
   */
  public static InstanceCursor parse(String text) {
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a listing cursor");
    }
    int colon = plain.indexOf(':');
    if (colon < 1 || colon == plain.length() - 1) {
      throw new IllegalArgumentException("not a listing cursor");
    }
    try {
      return new InstanceCursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a listing cursor");
    }
  }

  /** The opaque text form, safe in a URL. */
  public String encode() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((createdAt + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int compareTo(InstanceCursor o) {
    int c = Long.compare(createdAt, o.createdAt);
    return c != 0 ? c : id.compareTo(o.id);
  }
}
