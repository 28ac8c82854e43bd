/**
 * {@link dev.xcomponent.port.MessageBroker} on RabbitMQ: {@link
 * dev.xcomponent.adapter.rabbitmq.RabbitMqMessageBroker}, configured by {@link
 * dev.xcomponent.adapter.rabbitmq.RabbitMqSettings} (parsed from an {@code amqp://} or {@code
 * amqps://} URL).
 *
 * <p>Wire layout, shared with the reference implementation: durable topic exchange {@code
 * xcomponent.events}; routing key = channel with {@code ':'} → {@code '.'}; persistent JSON
 * bodies; one exclusive auto-delete queue {@code xcomponent.<routingKey>.<ms>.<random>} per
 * fan-out subscription; one durable queue {@code xcomponent.group.<group>} per consumer group.
 * Everything else in this package is an implementation detail.
 */
package dev.xcomponent.adapter.rabbitmq;
