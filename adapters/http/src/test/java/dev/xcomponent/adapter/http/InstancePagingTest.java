package dev.xcomponent.adapter.http;

import static dev.xcomponent.adapter.http.ApiServer.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Instance listings page by page: {@code limit} and {@code after}, answered with {@code next}. */
@ExtendWith(VertxExtension.class)
class InstancePagingTest {
  private ApiServer api;

  @BeforeEach
  void start(Vertx vertx) {
    api = ApiServer.start(vertx, HttpSettings.defaults().withAddress("127.0.0.1", 0).withMaxListLimit(50));
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  private List<String> createOrders(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(api.create("Shop", new JsonObject().put("context", new JsonObject().put("n", i))));
    }
    return ids;
  }

  private void send(String id, String event) {
    HttpResponse<Buffer> r = api.post("/api/instances/" + id + "/events", new JsonObject().put("type", event));
    assertThat(r.bodyAsJsonObject().getString("outcome")).as(r.bodyAsString()).isEqualTo("transitioned");
  }

  /** Follows {@code next} from the first page; {@code between} runs after each page. */
  private List<List<String>> pages(String query, Consumer<Integer> between) {
    List<List<String>> pages = new ArrayList<>();
    String next = null;
    do {
      String path = query + (next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      HttpResponse<Buffer> r = api.get(path);
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
      JsonObject body = r.bodyAsJsonObject();
      assertThat(body.fieldNames()).containsExactlyInAnyOrder("instances", "next");
      JsonArray instances = body.getJsonArray("instances");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < instances.size(); i++) {
        ids.add(instances.getJsonObject(i).getString("id"));
      }
      pages.add(ids);
      next = body.getString("next");
      between.accept(pages.size());
      assertThat(pages).as("runaway paging").hasSizeLessThan(20);
    } while (next != null);
    return pages;
  }

  private static List<String> flat(List<List<String>> pages) {
    return pages.stream().flatMap(List::stream).toList();
  }

  @Test
  void twentyFiveInstancesComeInPagesOfTenEachOnceNewestFirst() {
    List<String> created = createOrders(25);
    List<List<String>> pages = pages("/api/instances?component=Shop&limit=10", page -> { });
    assertThat(pages).extracting(List::size).containsExactly(10, 10, 5);
    assertThat(flat(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);

    // Newest first: creation times (then ids) of consecutive instances only go down.
    JsonArray all = api.get("/api/instances?component=Shop&limit=50").bodyAsJsonObject().getJsonArray("instances");
    for (int i = 1; i < all.size(); i++) {
      JsonObject a = all.getJsonObject(i - 1);
      JsonObject b = all.getJsonObject(i);
      long ca = a.getLong("createdAt");
      long cb = b.getLong("createdAt");
      assertThat(ca > cb || (ca == cb && a.getString("id").compareTo(b.getString("id")) > 0)).isTrue();
    }
  }

  @Test
  void aFullLastPageSaysThereIsNoNextOne() {
    createOrders(20);
    assertThat(pages("/api/instances?component=Shop&limit=10", page -> { }))
        .extracting(List::size)
        .containsExactly(10, 10);
    JsonObject empty = api.get("/api/instances?component=Gate&machine=Nope").bodyAsJsonObject();
    assertThat(empty.getJsonArray("instances")).isEmpty();
    assertThat(empty.getValue("next")).isNull();
    assertThat(empty.containsKey("next")).isTrue();
  }

  @Test
  void pagingNeitherSkipsNorRepeatsWhileInstancesChangeStateAndFinish() {
    List<String> created = createOrders(25);
    // After each page, move one instance already seen and one not seen yet, and finish two.
    List<List<String>> pages =
        pages(
            "/api/instances?component=Shop&machine=Order&limit=10",
            page -> {
              if (page == 1) {
                send(created.get(2), "VALIDATE");
                send(created.get(20), "VALIDATE");
                send(created.get(3), "CANCEL"); // seen, now finished
                send(created.get(21), "CANCEL"); // not seen yet, now finished
              }
            });
    assertThat(flat(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void filtersApplyToEveryPage() {
    List<String> created = createOrders(25);
    List<String> validated = new ArrayList<>();
    for (int i = 0; i < created.size(); i += 3) {
      send(created.get(i), "VALIDATE");
      validated.add(created.get(i));
    }
    api.create("Shop", new JsonObject().put("machineName", "Payment").put("context", new JsonObject().put("amount", 1)));

    List<List<String>> byState = pages("/api/instances?component=Shop&machine=Order&state=Validated&limit=4", p -> { });
    assertThat(byState).extracting(List::size).containsExactly(4, 4, 1);
    assertThat(flat(byState)).containsExactlyInAnyOrderElementsOf(validated);

    // The same filter without the machine, and on the component's own route.
    assertThat(flat(pages("/api/components/Shop/instances?state=Validated&status=active&limit=5", p -> { })))
        .containsExactlyInAnyOrderElementsOf(validated);
    assertThat(flat(pages("/api/instances?machine=Order&state=Draft&limit=7", p -> { })))
        .doesNotHaveDuplicates()
        .hasSize(25 - validated.size())
        .doesNotContainAnyElementsOf(validated);

    send(created.get(1), "CANCEL");
    send(created.get(4), "CANCEL");
    assertThat(flat(pages("/api/instances?component=Shop&status=error&limit=1", p -> { })))
        .containsExactlyInAnyOrder(created.get(1), created.get(4));
    assertThat(flat(pages("/api/instances?component=Shop&status=active&limit=10", p -> { })))
        .hasSize(25 - 2 + 1);
  }

  @Test
  void aCursorThatIsNoCursorIsRefused() {
    createOrders(3);
    for (String bad : List.of("nonsense!", "Zm9v", base64("abc:id"), base64("12:"), base64(":id"))) {
      JsonObject body = error(api.get("/api/instances?after=" + URLEncoder.encode(bad, StandardCharsets.UTF_8)), 400, "INVALID_REQUEST");
      assertThat(body.getString("error")).contains("'after'");
    }
    error(api.get("/api/components/Shop/instances?after=nonsense!"), 400, "INVALID_REQUEST");
    // A well-formed cursor past every instance (older than all) gives an empty last page.
    JsonObject end = api.get("/api/instances?after=" + base64("0:0")).bodyAsJsonObject();
    assertThat(end.getJsonArray("instances")).isEmpty();
    assertThat(end.getValue("next")).isNull();
  }

  private static String base64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
