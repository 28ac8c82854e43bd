/**
 * Redis adapter: {@link dev.xcomponent.adapter.redis.RedisEventStore}, the event and snapshot
 * store of the Redis-only deployment (mode 5 of the deployment guide), on vertx-redis-client.
 * The key layout is documented in {@link dev.xcomponent.adapter.redis.RedisKeys}; settings come
 * from {@code REDIS_URL} through {@link dev.xcomponent.adapter.redis.RedisStoreSettings}. Also
 * {@link dev.xcomponent.adapter.redis.RedisMessageBroker}, the message broker on Redis pub/sub
 * (at most once; consumer groups emulated with claim keys), configured by {@link
 * dev.xcomponent.adapter.redis.RedisBrokerSettings}. Depends only on the ports, Vert.x and SLF4J;
 * never on another adapter.
 */
package dev.xcomponent.adapter.redis;
