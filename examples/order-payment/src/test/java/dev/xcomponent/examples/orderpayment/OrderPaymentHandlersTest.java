package dev.xcomponent.examples.orderpayment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.engine.Event;
import dev.xcomponent.examples.testkit.RecordingSender;
import dev.xcomponent.examples.testkit.TestHookCall;
import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import dev.xcomponent.port.HookKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OrderPaymentHandlersTest {
  private static final Pattern HOOK =
      Pattern.compile("^\\s*(?:onEntry|onExit|triggeredMethod):\\s*(\\w+)\\s*$", Pattern.MULTILINE);

  @Test
  void serviceLoaderFindsTheProvider() {
    List<HandlerProvider> providers =
        ServiceLoader.load(HandlerProvider.class).stream().map(ServiceLoader.Provider::get).toList();

    assertThat(providers).hasExactlyElementsOfTypes(OrderPaymentHandlers.class);
  }

  @Test
  void registersEveryMethodTheTwoComponentFilesName() throws IOException {
    HandlerRegistry registry = new HandlerRegistry();
    new OrderPaymentHandlers().register(registry);

    assertThat(registry.methods())
        .containsExactlyInAnyOrderElementsOf(
            methodsNamedIn(Path.of("order-component.yaml"), Path.of("payment-component.yaml")));
  }

  @Test
  void entryHooksSucceedWithoutSendingAnything() {
    HandlerRegistry registry = new HandlerRegistry();
    new OrderPaymentHandlers().register(registry);
    RecordingSender sender = new RecordingSender();

    for (String hook : OrderPaymentHandlers.ENTRY_HOOKS) {
      TestHookCall call =
          new TestHookCall(
              HookKind.ENTRY,
              hook,
              "OrderComponent",
              "Order",
              "order-1",
              "Paid",
              Event.of("PAYMENT_CONFIRMED", Map.of(), 1L),
              new java.util.HashMap<>(Map.of("orderId", "o-1")),
              sender);
      assertThat(registry.get(hook).handle(call).succeeded()).as(hook).isTrue();
    }
    assertThat(sender.sent()).isEmpty();
    assertThat(sender.sentLater()).isEmpty();
  }

  private static Set<String> methodsNamedIn(Path... files) throws IOException {
    Set<String> methods = new TreeSet<>();
    for (Path file : files) {
      Matcher matcher = HOOK.matcher(Files.readString(file));
      while (matcher.find()) {
        methods.add(matcher.group(1));
      }
    }
    return methods;
  }
}
