package dev.xcomponent.adapter.http;

import static dev.xcomponent.adapter.http.ApiServer.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SVG routes of the dashboard. */
@ExtendWith(VertxExtension.class)
class SvgRoutesTest {
  private ApiServer api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiServer.start(vertx);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  private static void assertSvg(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).isEqualTo("image/svg+xml; charset=utf-8");
    assertThat(r.getHeader("Content-Security-Policy")).isEqualTo(SvgRoutes.SVG_CSP);
    assertThat(r.getHeader("Cache-Control")).isEqualTo("no-cache");
    assertThat(r.bodyAsString()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
  }

  @Test
  void aMachineDiagramHighlightsTheStateAskedFor() {
    HttpResponse<Buffer> r =
        api.get("/api/components/Shop/machines/Order/diagram.svg?currentState=Validated");
    assertSvg(r);
    assertThat(r.bodyAsString()).contains("class=\"node regular current\" data-name=\"Validated\"");
  }

  @Test
  void anInstanceGivesItsStateToTheDiagram() {
    String id = api.create("Shop", new JsonObject());
    api.post("/api/instances/" + id + "/events", new JsonObject().put("type", "VALIDATE"));
    HttpResponse<Buffer> r =
        api.get("/api/components/Shop/machines/Order/diagram.svg?instanceId=" + id);
    assertSvg(r);
    assertThat(r.bodyAsString())
        .contains("data-name=\"Validated\"")
        .contains("class=\"node regular current\"");
    error(
        api.get("/api/components/Shop/machines/Payment/diagram.svg?instanceId=" + id),
        400,
        "INVALID_REQUEST");
    error(
        api.get("/api/components/Shop/machines/Order/diagram.svg?instanceId=nope"),
        404,
        "INSTANCE_NOT_FOUND");
  }

  @Test
  void unknownComponentsAndMachinesAreJson404s() {
    error(api.get("/api/components/Nope/machines/Order/diagram.svg"), 404, "COMPONENT_NOT_FOUND");
    error(api.get("/api/components/Shop/machines/Nope/diagram.svg"), 404, "MACHINE_NOT_FOUND");
    error(api.get("/api/components/Nope/links.svg"), 404, "COMPONENT_NOT_FOUND");
  }

  @Test
  void theLinksOfAComponentAreDrawn() {
    HttpResponse<Buffer> r = api.get("/api/components/Shop/links.svg");
    assertSvg(r);
    assertThat(r.bodyAsString()).contains("data-name=\"Order\"").contains("data-name=\"Payment\"");
  }
}
