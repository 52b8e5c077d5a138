package io.whizbang.eventstore.kafka;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Options of the Kafka inbox: the brokers, the consumer group, the topics (a list or a pattern), how many records may
 * be in hand before the consumer pauses, where bad records go and how failed handling is retried.
 */
public class KafkaInboxOptions {
    /** Default brokers. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    /** Default consumer group. */
    public static final String DEFAULT_GROUP_ID = "whizbang-inbox";
    /** Default records in hand at which the consumer pauses; it resumes at half. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    /** Default suffix of the dead-letter topic beside each topic; empty means bad records are only logged. */
    public static final String DEFAULT_DEAD_LETTER_SUFFIX = ".dead-letter";
    /** Default first delay before handling a record again after a transient failure. */
    public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 100;
    /** Default longest delay between attempts. */
    public static final long DEFAULT_MAX_BACKOFF_MILLIS = 10_000;
    /** Default time {@link KafkaInbox#stop()} gives the records in hand and the last commit, and then the closing. */
    public static final long DEFAULT_STOP_TIMEOUT_MILLIS = 10_000;

    private String bootstrapServers = DEFAULT_BOOTSTRAP_SERVERS;
    private String groupId = DEFAULT_GROUP_ID;
    private List<String> topics = List.of();
    private String topicPattern;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
    private String deadLetterSuffix = DEFAULT_DEAD_LETTER_SUFFIX;
    private long initialBackoffMillis = DEFAULT_INITIAL_BACKOFF_MILLIS;
    private long maxBackoffMillis = DEFAULT_MAX_BACKOFF_MILLIS;
    private long stopTimeoutMillis = DEFAULT_STOP_TIMEOUT_MILLIS;
    private JsonObject consumerConfig = new JsonObject();

    public KafkaInboxOptions() {
    }

    public KafkaInboxOptions(JsonObject json) {
        setBootstrapServers(json.getString("bootstrapServers", DEFAULT_BOOTSTRAP_SERVERS));
        setGroupId(json.getString("groupId", DEFAULT_GROUP_ID));
        JsonArray topicList = json.getJsonArray("topics", new JsonArray());
        setTopics(topicList.stream().map(String::valueOf).toList());
        if (json.getString("topicPattern") != null) {
            setTopicPattern(json.getString("topicPattern"));
        }
        setMaxInFlight(json.getInteger("maxInFlight", DEFAULT_MAX_IN_FLIGHT));
        setDeadLetterSuffix(json.getString("deadLetterSuffix", DEFAULT_DEAD_LETTER_SUFFIX));
        setBackoff(json.getLong("initialBackoffMillis", DEFAULT_INITIAL_BACKOFF_MILLIS),
                json.getLong("maxBackoffMillis", DEFAULT_MAX_BACKOFF_MILLIS));
        setStopTimeoutMillis(json.getLong("stopTimeoutMillis", DEFAULT_STOP_TIMEOUT_MILLIS));
        setConsumerConfig(json.getJsonObject("consumerConfig", new JsonObject()));
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    /** Sets the brokers, {@code host:port[,host:port...]}. */
    public KafkaInboxOptions setBootstrapServers(String bootstrapServers) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must name at least one host:port");
        }
        this.bootstrapServers = bootstrapServers;
        return this;
    }

    public String getGroupId() {
        return groupId;
    }

    /** Sets the consumer group; the members of one group share the partitions. */
    public KafkaInboxOptions setGroupId(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        if (groupId.isBlank()) {
            throw new IllegalArgumentException("groupId must not be blank");
        }
        this.groupId = groupId;
        return this;
    }

    public List<String> getTopics() {
        return topics;
    }

    /** Sets the topics to consume. */
    public KafkaInboxOptions setTopics(List<String> topics) {
        this.topics = List.copyOf(topics);
        return this;
    }

    public String getTopicPattern() {
        return topicPattern;
    }

    /** Sets a regular expression of the topics to consume (for a topic per tenant), instead of a list. */
    public KafkaInboxOptions setTopicPattern(String topicPattern) {
        try {
            Pattern.compile(Objects.requireNonNull(topicPattern, "topicPattern"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("topicPattern is not a regular expression: " + e.getDescription());
        }
        this.topicPattern = topicPattern;
        return this;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    /** Sets how many records may be in hand before the consumer pauses, 1 to 100,000. */
    public KafkaInboxOptions setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 1 || maxInFlight > 100_000) {
            throw new IllegalArgumentException("maxInFlight must be 1-100000, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        return this;
    }

    public String getDeadLetterSuffix() {
        return deadLetterSuffix;
    }

    /** Sets the suffix of the dead-letter topics; empty logs bad records without forwarding them. */
    public KafkaInboxOptions setDeadLetterSuffix(String deadLetterSuffix) {
        this.deadLetterSuffix = Objects.requireNonNull(deadLetterSuffix, "deadLetterSuffix");
        return this;
    }

    public long getInitialBackoffMillis() {
        return initialBackoffMillis;
    }

    public long getMaxBackoffMillis() {
        return maxBackoffMillis;
    }

    /** Sets the delays between attempts after transient failures: doubling from {@code initial} up to {@code max}. */
    public KafkaInboxOptions setBackoff(long initial, long max) {
        if (initial < 1 || max < initial) {
            throw new IllegalArgumentException("backoff must satisfy 1 <= initial (" + initial + ") <= max (" + max
                    + ")");
        }
        this.initialBackoffMillis = initial;
        this.maxBackoffMillis = max;
        return this;
    }

    public long getStopTimeoutMillis() {
        return stopTimeoutMillis;
    }

    /**
     * Sets how long stopping waits for the records in hand to finish and for the last commit, 1 ms to 10 minutes;
     * then the consumer is closed all the same, and closing gets as long again, so a stop always completes. What was
     * not committed by then is delivered again to the group's next consumer, whose inbox drops what was applied.
     */
    public KafkaInboxOptions setStopTimeoutMillis(long stopTimeoutMillis) {
        if (stopTimeoutMillis < 1 || stopTimeoutMillis > 600_000) {
            throw new IllegalArgumentException("stopTimeoutMillis must be 1-600000, was " + stopTimeoutMillis);
        }
        this.stopTimeoutMillis = stopTimeoutMillis;
        return this;
    }

    public JsonObject getConsumerConfig() {
        return consumerConfig.copy();
    }

    /** Sets further Kafka consumer settings; offsets are always committed by the inbox, never automatically. */
    public KafkaInboxOptions setConsumerConfig(JsonObject consumerConfig) {
        this.consumerConfig = Objects.requireNonNull(consumerConfig, "consumerConfig").copy();
        return this;
    }

    /** Fails unless exactly one of topics and topic pattern is set. */
    void check() {
        if (topics.isEmpty() == (topicPattern == null)) {
            throw new IllegalArgumentException("set either topics or topicPattern for the Kafka inbox");
        }
    }

    /** The Kafka consumer configuration these options stand for. */
    Map<String, String> consumerProperties() {
        Map<String, String> config = new HashMap<>();
        consumerConfig.forEach(entry -> config.put(entry.getKey(), String.valueOf(entry.getValue())));
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", groupId);
        config.put("enable.auto.commit", "false");
        config.putIfAbsent("auto.offset.reset", "earliest");
        config.putIfAbsent("isolation.level", "read_committed");
        if (topicPattern != null) {
            // a topic per tenant appears with its first message; find it within seconds, not Kafka's 5 minutes
            config.putIfAbsent("metadata.max.age.ms", "5000");
        }
        return config;
    }

    /** The configuration of the producer that writes dead letters: idempotent, {@code acks=all}. */
    Map<String, String> deadLetterProducerProperties() {
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        return config;
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("bootstrapServers", bootstrapServers).put("groupId", groupId)
                .put("topics", new JsonArray(topics)).put("maxInFlight", maxInFlight)
                .put("deadLetterSuffix", deadLetterSuffix).put("initialBackoffMillis", initialBackoffMillis)
                .put("maxBackoffMillis", maxBackoffMillis).put("stopTimeoutMillis", stopTimeoutMillis)
                .put("consumerConfig", consumerConfig.copy());
        if (topicPattern != null) {
            json.put("topicPattern", topicPattern);
        }
        return json;
    }
}
