package dev.xcomponent.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.adapter.http.svg.LinksSvg;
import dev.xcomponent.adapter.http.svg.MachineSvg;
import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.EntryMachineMode;
import dev.xcomponent.domain.model.State;
import dev.xcomponent.domain.model.StateMachine;
import dev.xcomponent.domain.model.StateType;
import dev.xcomponent.port.PendingTimeout;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG drawings of machines and links. */
class SvgDiagramTest {
  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The class attribute of the node drawn for {@code state}. */
  private static String nodeClass(Document doc, String state) {
    NodeList groups = doc.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (state.equals(g.getAttribute("data-name"))) {
        return g.getAttribute("class");
      }
    }
    throw new AssertionError("no node for " + state);
  }

  @Test
  void aMachineIsDrawnWithEveryStateAndTransition() throws Exception {
    StateMachine order = Fixtures.shop().machine("Order");
    Document doc = parse(MachineSvg.render(order, null, null));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getAttribute("aria-label")).isEqualTo("State machine Order");
    assertThat(nodeClass(doc, "Draft")).isEqualTo("node entry");
    assertThat(nodeClass(doc, "Validated")).isEqualTo("node regular");
    assertThat(nodeClass(doc, "Shipped")).isEqualTo("node final");
    assertThat(nodeClass(doc, "Cancelled")).isEqualTo("node error");
    // one arrow per transition plus the initial one
    assertThat(doc.getElementsByTagName("path").getLength() - 5).isEqualTo(3 + 1);
    assertThat(doc.getDocumentElement().getTextContent())
        .contains("VALIDATE", "SHIP", "CANCEL")
        .doesNotContain("null");
  }

  @Test
  void theCurrentStateIsHighlightedAndWhatItCannotReachDimmed() throws Exception {
    StateMachine order = Fixtures.shop().machine("Order");
    List<PendingTimeout> timers = List.of(new PendingTimeout("EXPIRE", "Cancelled", 5000, 4200, "timeout"));
    String svg = MachineSvg.render(order, "Validated", timers);
    Document doc = parse(svg);
    assertThat(nodeClass(doc, "Validated")).isEqualTo("node regular current");
    assertThat(nodeClass(doc, "Draft")).isEqualTo("node entry unreachable");
    assertThat(nodeClass(doc, "Cancelled")).isEqualTo("node error unreachable");
    assertThat(nodeClass(doc, "Shipped")).isEqualTo("node final");
    assertThat(svg).contains("class=\"edge t-regular available\"").contains("⏱ 5s");
    assertThat(MachineSvg.render(order, "Nope", null)).doesNotContain("current\"");
  }

  @Test
  void namesWithMarkupAreText() throws Exception {
    String evil = "<img src=x onerror=\"window.__xss=1\">";
    StateMachine m =
        new StateMachine(
            "M</title><script>alert(1)</script>",
            evil,
            List.of(
                new State(evil, StateType.ENTRY, null, null, List.of(), null, Map.of()),
                Fixtures.state("B&'\"", StateType.FINAL)),
            List.of(Fixtures.regular(0, evil, "B&'\"", "</text><script>x</script>")),
            null,
            null,
            Map.of(),
            null,
            Map.of());
    String svg = MachineSvg.render(m, evil, null);
    assertThat(svg).doesNotContain("<script").doesNotContain("<img");
    Document doc = parse(svg);
    assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    assertThat(doc.getElementsByTagName("img").getLength()).isZero();
    assertThat(nodeClass(doc, evil)).contains("current");
    assertThat(doc.getDocumentElement().getTextContent())
        .contains(evil, "B&'\"", "</text><script>x</script>");
  }

  @Test
  void linksShowInterMachineAndCrossComponentArrows() throws Exception {
    StateMachine flow = Fixtures.rich();
    StateMachine helper =
        new StateMachine(
            "Helper", "Idle", List.of(Fixtures.state("Idle", StateType.ENTRY)), List.of(), null,
            null, Map.of(), null, Map.of());
    Component c =
        new Component(
            "Flows", null, null, List.of(flow, helper), "Flow", EntryMachineMode.SINGLETON, null,
            null, null, Map.of(), Map.of());
    String svg = LinksSvg.render(c, List.of(c, Fixtures.shop()));
    Document doc = parse(svg);
    assertThat(nodeClass(doc, "Flow")).isEqualTo("node machine entry");
    assertThat(nodeClass(doc, "Helper")).isEqualTo("node machine");
    assertThat(nodeClass(doc, "Billing/Invoice")).isEqualTo("node external");
    assertThat(svg)
        .contains("class=\"edge t-inter\"")
        .contains("class=\"edge t-cross\"")
        .contains("GO")
        .contains("NOTIFY → OPEN");
  }

  @Test
  void aComponentWithoutLinksStillDrawsItsMachines() throws Exception {
    Document doc = parse(LinksSvg.render(Fixtures.gate(), List.of(Fixtures.gate())));
    assertThat(nodeClass(doc, "Gate")).isEqualTo("node machine entry");
  }
}
