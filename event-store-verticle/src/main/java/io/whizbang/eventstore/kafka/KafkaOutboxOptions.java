package io.whizbang.eventstore.kafka;

import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of the Kafka outbox publisher: the brokers, the topic naming rule and any further producer settings.
 *
 * <p>The settings that make publishing safe are fixed and cannot be overridden: {@code acks=all} and
 * {@code enable.idempotence=true}, so a record acknowledged is on every in-sync replica and a producer retry never
 * writes it twice; and {@code max.in.flight.requests.per.connection=1}, so a partition's next batch is not sent
 * while one is unanswered. With more in flight, a first batch that a just-created partition turned away (the broker
 * was not yet its leader) is retried after the batch behind it, which a broker takes from a producer it does not yet
 * know whatever its sequence number: the later records land first, and the retried batch is then refused until it
 * expires (seen in KafkaRelayIT as a stream's messages 3 to 16 arriving before 0 to 2).
 */
public class KafkaOutboxOptions {
    /** Default brokers. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    /** Default topic template: each message's destination. */
    public static final String DEFAULT_TOPIC_TEMPLATE = TopicNaming.DESTINATION;
    /** Default time a record may wait to fill a batch. */
    public static final int DEFAULT_LINGER_MILLIS = 5;
    /**
     * Default time the producer keeps retrying one record (through a broker restart) before its batch fails and the
     * relay publishes the batch again after its back-off.
     */
    public static final int DEFAULT_DELIVERY_TIMEOUT_MILLIS = 30_000;

    private String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
    private String topicTemplate = DEFAULT_TOPIC_TEMPLATE;
    private int lingerMillis = DEFAULT_LINGER_MILLIS;
    private int deliveryTimeoutMillis = DEFAULT_DELIVERY_TIMEOUT_MILLIS;
    private JsonObject producerConfig = new JsonObject();

    public KafkaOutboxOptions() {
    }

    public KafkaOutboxOptions(JsonObject json) {
        setBootstrapServers(json.getString("bootstrapServers", DEFAULT_BOOTSTRAP_SERVERS));
        setTopicTemplate(json.getString("topicTemplate", DEFAULT_TOPIC_TEMPLATE));
        setLingerMillis(json.getInteger("lingerMillis", DEFAULT_LINGER_MILLIS));
        setDeliveryTimeoutMillis(json.getInteger("deliveryTimeoutMillis", DEFAULT_DELIVERY_TIMEOUT_MILLIS));
        setProducerConfig(json.getJsonObject("producerConfig", new JsonObject()));
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** Sets the brokers, {@code host:port[,host:port...]}. */
    public KafkaOutboxOptions setBootstrapServers(String bootstrapServers) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must name at least one host:port");
        }
        this.bootstrapServers = bootstrapServers;
        return this;
    }

    public String getTopicTemplate() {
        return topicTemplate;
    }

    /** Sets the topic template (see {@link TopicNaming}): {@code {destination}}, {@code whizbang.{tenant}}, ... */
    public KafkaOutboxOptions setTopicTemplate(String topicTemplate) {
        TopicNaming.of(topicTemplate);
        this.topicTemplate = topicTemplate;
        return this;
    }

    public int getLingerMillis() {
        return lingerMillis;
    }

    /** Sets how long a record may wait to fill a batch, 0 to 1000 ms. */
    public KafkaOutboxOptions setLingerMillis(int lingerMillis) {
        if (lingerMillis < 0 || lingerMillis > 1000) {
            throw new IllegalArgumentException("lingerMillis must be 0-1000, was " + lingerMillis);
        }
        this.lingerMillis = lingerMillis;
        return this;
    }

    public int getDeliveryTimeoutMillis() {
        return deliveryTimeoutMillis;
    }

    /** Sets how long the producer retries one record before the send fails, at least 1000 ms. */
    public KafkaOutboxOptions setDeliveryTimeoutMillis(int deliveryTimeoutMillis) {
        if (deliveryTimeoutMillis < 1000) {
            throw new IllegalArgumentException("deliveryTimeoutMillis must be at least 1000, was "
                    + deliveryTimeoutMillis);
        }
        this.deliveryTimeoutMillis = deliveryTimeoutMillis;
        return this;
    }

    public JsonObject getProducerConfig() {
        return producerConfig.copy();
    }

    /** Sets further Kafka producer settings (security, compression...); acks, idempotence, in-flight stay fixed. */
    public KafkaOutboxOptions setProducerConfig(JsonObject producerConfig) {
        this.producerConfig = Objects.requireNonNull(producerConfig, "producerConfig").copy();
        return this;
    }

    /** The Kafka producer configuration these options stand for. */
    public Map<String, String> producerProperties() {
        Map<String, String> config = new HashMap<>();
        producerConfig.forEach(entry -> config.put(entry.getKey(), String.valueOf(entry.getValue())));
        config.put("bootstrap.servers", bootstrapServers);
        config.put("linger.ms", String.valueOf(lingerMillis));
        config.putIfAbsent("request.timeout.ms", String.valueOf(Math.min(30_000,
                deliveryTimeoutMillis - lingerMillis)));
        config.put("delivery.timeout.ms", String.valueOf(deliveryTimeoutMillis));
        config.putIfAbsent("batch.size", "65536");
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        config.put("max.in.flight.requests.per.connection", "1");
        return config;
    }

    public JsonObject toJson() {
        return new JsonObject().put("bootstrapServers", bootstrapServers).put("topicTemplate", topicTemplate)
                .put("lingerMillis", lingerMillis).put("deliveryTimeoutMillis", deliveryTimeoutMillis)
                .put("producerConfig", producerConfig.copy());
    }
}
