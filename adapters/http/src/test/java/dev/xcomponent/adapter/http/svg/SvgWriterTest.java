package dev.xcomponent.adapter.http.svg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SvgWriterTest {
  @Test
  void markupCharactersAreEscaped() {
    assertThat(SvgWriter.escape("<img src=x onerror=\"a('1')\"> & </script>"))
        .isEqualTo("&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt; &amp; &lt;/script&gt;");
  }

  @Test
  void charactersXmlCannotCarryAreReplaced() {
    assertThat(SvgWriter.escape("a\u0000b\u0007c\u001Bd\uFFFEe\uFFFF"))
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD");
    assertThat(SvgWriter.escape("x\uD800y\uDC00z")).isEqualTo("x\uFFFDy\uFFFDz");
  }

  @Test
  void ordinaryTextSurvives() {
    String text = "Déjà vu \u202Egnp.exe 😀 tab\there\nline ⏱ → ★";
    assertThat(SvgWriter.escape(text)).isEqualTo(text);
    assertThat(SvgWriter.escape(null)).isEmpty();
  }

  @Test
  void attributesAreEscapedAndNumbersCompact() {
    String svg =
        new SvgWriter()
            .empty("rect", "x", 1.25, "y", 3.0, "data-name", "\"><script>", "skip", null)
            .text("text", "a<b")
            .toString();
    assertThat(svg)
        .isEqualTo(
            "<rect x=\"1.3\" y=\"3\" data-name=\"&quot;&gt;&lt;script&gt;\"/><text>a&lt;b</text>");
    assertThat(SvgWriter.num(-0.04)).isEqualTo("0");
    assertThat(SvgWriter.num(12.0)).isEqualTo("12");
  }
}
