package dev.xcomponent.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.port.InstanceView;
import dev.xcomponent.port.RuntimeEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Label values stay those of the YAML; a recount replaces the counts (what a dashboard does on a scrape). */
class LiveInstancesMetricsTest {
  private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private Names names() throws Exception {
    Map<String, Component> byName = Map.of("OrderComponent", RuntimeMetricsTest.example().get(0));
    return new Names(n -> Optional.ofNullable(byName.get(n)));
  }

  private static InstanceView view(String id, String component, String machine, String state, boolean finished) {
    return new InstanceView(id, component, machine, state, finished ? "completed" : "active", Map.of(), null, Map.of(),
        List.of(), 0, 0, null, null, false, finished);
  }

  @Test
  void aRecountReplacesTheCountsAndKeepsUnknownNamesOut() throws Exception {
    LiveInstances live = new LiveInstances(meters, names());
    live.recount(List.of(
        view("1", "OrderComponent", "Order", "Created", false),
        view("2", "OrderComponent", "Order", "Created", false),
        view("3", "OrderComponent", "Order", "Completed", true),
        view("4", "Rogue", "Order", "Created", false),
        view("5", "OrderComponent", "Order", "NoSuchState", false)));
    Scrape first = new Scrape(meters.scrape());
    assertThat(first.value("xcomponent_instances_live", "component", "OrderComponent", "state", "Created")).isEqualTo(2.0);
    assertThat(first.value("xcomponent_instances_live", "state", "Completed")).isNull();
    assertThat(first.value("xcomponent_instances_live", "component", "Rogue")).isNull();
    assertThat(first.value("xcomponent_instances_live", "state", "NoSuchState")).isNull();

    live.recount(List.of(view("2", "OrderComponent", "Order", "Paid", false)));
    Scrape second = new Scrape(meters.scrape());
    assertThat(second.value("xcomponent_instances_live", "component", "OrderComponent", "state", "Created")).isEqualTo(0.0);
    assertThat(second.value("xcomponent_instances_live", "component", "OrderComponent", "state", "Paid")).isEqualTo(1.0);
  }

  @Test
  void transitionsOfUndeclaredMachinesAreCountedAsUnknown() throws Exception {
    RuntimeMetrics runtime = new RuntimeMetrics(meters, names(), null);
    runtime.onEvent(new RuntimeEvent("state_change", "OrderComponent",
        Map.of("machineName", "Order", "previousState", "Created", "newState", "PendingPayment"), 0));
    runtime.onEvent(new RuntimeEvent("state_change", "OrderComponent",
        Map.of("machineName", "instance-42", "previousState", "A", "newState", "B"), 0));
    runtime.onEvent(new RuntimeEvent("state_change", "Rogue", Map.of("machineName", "Order"), 0));
    runtime.onEvent(new RuntimeEvent("event_ignored", "OrderComponent", Map.of("instanceId", "gone"), 0));

    Scrape scrape = new Scrape(meters.scrape());
    assertThat(scrape.value("xcomponent_transitions_total", "component", "OrderComponent", "machine", "Order",
        "outcome", "transitioned")).isEqualTo(1.0);
    assertThat(scrape.value("xcomponent_transitions_total", "component", "OrderComponent", "machine", "unknown",
        "outcome", "transitioned")).isEqualTo(1.0);
    assertThat(scrape.value("xcomponent_transitions_total", "component", "unknown", "machine", "unknown",
        "outcome", "transitioned")).isEqualTo(1.0);
    assertThat(scrape.value("xcomponent_transitions_total", "component", "OrderComponent", "machine", "unknown",
        "outcome", "ignored")).isEqualTo(1.0);
    assertThat(scrape.toString()).doesNotContain("instance-42").doesNotContain("Rogue");
  }
}
