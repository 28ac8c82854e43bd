package dev.xcomponent.adapter.http.svg;

/**
 * Estimates how wide a line of sans-serif text is, from per-character classes: precise enough to
 * size boxes without a font engine, a little generous so that text does not touch borders.
 */
final class TextMetrics {
  private TextMetrics() {}

  /** Width of {@code text} at {@code size} pixels. */
  static double width(String text, double size) {
    double em = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      em += advance(cp);
    }
    return em * size;
  }

  private static double advance(int cp) {
    if (cp > 0x2000) {
      return 1.05;
    }
    if ("iljtf.,:;'|!()[] ".indexOf(cp) >= 0) {
      return 0.32;
    }
    if ("mwMW@".indexOf(cp) >= 0) {
      return 0.88;
    }
    if (Character.isUpperCase(cp) || Character.isDigit(cp) || cp == '_') {
      return 0.66;
    }
    return 0.56;
  }
}
