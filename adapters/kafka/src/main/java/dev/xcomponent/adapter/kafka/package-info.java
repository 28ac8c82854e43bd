/**
 * The message broker on Apache Kafka: {@link dev.xcomponent.adapter.kafka.KafkaMessageBroker},
 * configured by {@link dev.xcomponent.adapter.kafka.KafkaSettings} from a {@code kafka://} or
 * {@code kafkas://} URL. Everything else in this package is a helper of these two.
 */
package dev.xcomponent.adapter.kafka;
