package dev.xcomponent.app;

import dev.xcomponent.port.HandlerProvider;
import dev.xcomponent.port.HandlerRegistry;
import io.vertx.core.Future;

/** A plugin provider used by {@link PluginLoaderTest}; registers two do-nothing hooks. */
public class TestHandlerProvider implements HandlerProvider {
  @Override
  public void register(HandlerRegistry registry) {
    registry.register("testEntry", call -> Future.succeededFuture());
    registry.register("testTriggered", call -> Future.succeededFuture());
  }
}
