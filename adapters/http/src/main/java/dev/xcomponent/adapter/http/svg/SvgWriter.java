package dev.xcomponent.adapter.http.svg;

import java.util.Locale;

/**
 * Writes SVG markup. Attribute values and text are always escaped; characters XML cannot carry
 * (most control characters, lone surrogates, U+FFFE and U+FFFF) are replaced by U+FFFD.
 */
public final class SvgWriter {
  private final StringBuilder out = new StringBuilder(4096);

  /** Escapes {@code text} for an XML attribute value or text node (null gives ""). */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            b.append(c).append(text.charAt(++i));
          } else if (allowed(c)) {
            b.append(c);
          } else {
            b.append('\uFFFD');
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean allowed(char c) {
    if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
      return false;
    }
    return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
  }

  /** A number with at most one decimal, in a locale-independent form. */
  public static String num(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0
        ? Long.toString(tenths / 10)
        : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  /** Opens {@code tag} with attributes given as name, value pairs (null values are skipped). */
  public SvgWriter open(String tag, Object... attrs) {
    out.append('<').append(tag);
    attributes(attrs);
    out.append('>');
    return this;
  }

  /** An element without content. */
  public SvgWriter empty(String tag, Object... attrs) {
    out.append('<').append(tag);
    attributes(attrs);
    out.append("/>");
    return this;
  }

  /** An element whose content is {@code text}, escaped. */
  public SvgWriter text(String tag, String text, Object... attrs) {
    open(tag, attrs);
    out.append(escape(text));
    return close(tag);
  }

  /** Closes {@code tag}. */
  public SvgWriter close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** Markup written by this code itself (never data). */
  SvgWriter trusted(String markup) {
    out.append(markup);
    return this;
  }

  private void attributes(Object[] attrs) {
    for (int i = 0; i + 1 < attrs.length; i += 2) {
      Object v = attrs[i + 1];
      if (v == null) {
        continue;
      }
      String value = v instanceof Double d ? num(d) : v.toString();
      out.append(' ').append(attrs[i]).append("=\"").append(escape(value)).append('"');
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
