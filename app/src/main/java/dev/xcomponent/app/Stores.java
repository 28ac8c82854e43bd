package dev.xcomponent.app;

import dev.xcomponent.adapter.memory.InMemoryEventStore;
import dev.xcomponent.adapter.postgres.PgEventStore;
import dev.xcomponent.adapter.postgres.PgSettings;
import dev.xcomponent.adapter.redis.RedisEventStore;
import dev.xcomponent.adapter.redis.RedisStoreSettings;
import dev.xcomponent.port.EventStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Opens the event store a {@link StoreConfig} names: the only place that knows the adapters. */
final class Stores {
  private Stores() {}

  /** The opened store, or null for {@link StoreConfig.Kind#NONE}. */
  static Future<EventStore> open(Vertx vertx, StoreConfig config) {
    try {
      switch (config.kind()) {
        case MEMORY:
          return Future.succeededFuture(new InMemoryEventStore());
        case POSTGRES:
          return PgEventStore.connect(vertx, PgSettings.parse(config.url())).map(s -> (EventStore) s);
        case REDIS:
          return RedisEventStore.connect(vertx, RedisStoreSettings.fromUrl(config.url())).map(s -> (EventStore) s);
        default:
          return Future.succeededFuture(null);
      }
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
  }
}
