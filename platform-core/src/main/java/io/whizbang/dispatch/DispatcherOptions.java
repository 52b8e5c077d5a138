package io.whizbang.dispatch;

import io.vertx.core.json.JsonObject;
import io.whizbang.projection.ReadYourWrites;

import java.time.Clock;
import java.util.Objects;

/**
 * Options of a dispatcher.
 */
public class DispatcherOptions {
    /** Default number of times a command is decided again after a version conflict. */
    public static final int DEFAULT_MAX_CONFLICT_RETRIES = 5;
    /** Default number of events read per page when loading a stream. */
    public static final int DEFAULT_READ_BATCH_SIZE = 500;
    /** Default prefix of the event-bus addresses. */
    public static final String DEFAULT_ADDRESS_PREFIX = "whizbang";
    /** Default number of stream states a dispatcher keeps, so a command folds only the events after them. */
    public static final int DEFAULT_STATE_CACHE_SIZE = 10_000;
    /** Default time a remote caller waits for the dispatcher's answer. */
    public static final long DEFAULT_SEND_TIMEOUT_MILLIS = 30_000;

    private int maxConflictRetries = DEFAULT_MAX_CONFLICT_RETRIES;
    private int readBatchSize = DEFAULT_READ_BATCH_SIZE;
    private String addressPrefix = DEFAULT_ADDRESS_PREFIX;
    private long sendTimeoutMillis = DEFAULT_SEND_TIMEOUT_MILLIS;
    private int stateCacheSize = DEFAULT_STATE_CACHE_SIZE;
    private Clock clock = Clock.systemUTC();
    private ReadYourWrites readYourWrites = ReadYourWrites.none();

    public DispatcherOptions() {
    }

    public DispatcherOptions(JsonObject json) {
        setMaxConflictRetries(json.getInteger("maxConflictRetries", DEFAULT_MAX_CONFLICT_RETRIES));
        setReadBatchSize(json.getInteger("readBatchSize", DEFAULT_READ_BATCH_SIZE));
        setAddressPrefix(json.getString("addressPrefix", DEFAULT_ADDRESS_PREFIX));
        setSendTimeoutMillis(json.getLong("sendTimeoutMillis", DEFAULT_SEND_TIMEOUT_MILLIS));
        setStateCacheSize(json.getInteger("stateCacheSize", DEFAULT_STATE_CACHE_SIZE));
    }

    public int getStateCacheSize() {
        return stateCacheSize;
    }

    /**
     * Sets how many stream states (least recently used first out) the dispatcher keeps between commands, so that a
     * command folds only the events appended after the kept version; 0 folds every stream from its snapshot or first
     * event each time. The ledger is read after the kept version on every command, so events appended by other
     * nodes are never missed; aggregates' states must be immutable, as {@code Aggregate} asks.
     */
    public DispatcherOptions setStateCacheSize(int stateCacheSize) {
        if (stateCacheSize < 0) {
            throw new IllegalArgumentException("stateCacheSize cannot be negative: " + stateCacheSize);
        }
        this.stateCacheSize = stateCacheSize;
        return this;
    }

    public int getMaxConflictRetries() {
        return maxConflictRetries;
    }

    /** Sets how many times a command is decided again after a version conflict; 0 disables retries. */
    public DispatcherOptions setMaxConflictRetries(int maxConflictRetries) {
        if (maxConflictRetries < 0) {
            throw new IllegalArgumentException("maxConflictRetries cannot be negative: " + maxConflictRetries);
        }
        this.maxConflictRetries = maxConflictRetries;
        return this;
    }

    public int getReadBatchSize() {
        return readBatchSize;
    }

    /** Sets how many events are read per page when loading a stream; 1 to 10,000. */
    public DispatcherOptions setReadBatchSize(int readBatchSize) {
        if (readBatchSize < 1 || readBatchSize > 10_000) {
            throw new IllegalArgumentException("readBatchSize must be 1-10000, was " + readBatchSize);
        }
        this.readBatchSize = readBatchSize;
        return this;
    }

    public String getAddressPrefix() {
        return addressPrefix;
    }

    /** Sets the prefix of the dispatcher's event-bus addresses. */
    public DispatcherOptions setAddressPrefix(String addressPrefix) {
        if (addressPrefix == null || addressPrefix.isBlank()) {
            throw new IllegalArgumentException("addressPrefix must not be blank");
        }
        this.addressPrefix = addressPrefix;
        return this;
    }

    public long getSendTimeoutMillis() {
        return sendTimeoutMillis;
    }

    /** Sets how long a remote caller waits for an answer. */
    public DispatcherOptions setSendTimeoutMillis(long sendTimeoutMillis) {
        if (sendTimeoutMillis < 1) {
            throw new IllegalArgumentException("sendTimeoutMillis must be positive, was " + sendTimeoutMillis);
        }
        this.sendTimeoutMillis = sendTimeoutMillis;
        return this;
    }

    public Clock getClock() {
        return clock;
    }

    /** Sets the clock of receptors, policies and sagas; tests fix it. */
    public DispatcherOptions setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public ReadYourWrites getReadYourWrites() {
        return readYourWrites;
    }

    /**
     * Sets what a local dispatcher waits for before it answers a command whose events are durable, such as the
     * inline perspectives' commit ({@code Projections.readYourWrites()} or {@code ProjectionsClient.readYourWrites()});
     * when the wait fails the command is answered all the same. None by default.
     */
    public DispatcherOptions setReadYourWrites(ReadYourWrites readYourWrites) {
        this.readYourWrites = Objects.requireNonNull(readYourWrites, "readYourWrites");
        return this;
    }

    /** The address commands are sent to. */
    public String commandAddress() {
        return addressPrefix + ".commands";
    }

    /** The address queries are sent to. */
    public String queryAddress() {
        return addressPrefix + ".queries";
    }

    /** The address that answers the application's message-flow map: {@code <prefix>.flowmap}. */
    public String flowMapAddress() {
        return addressPrefix + ".flowmap";
    }

    /** The address that answers a stream's state at a version ("time travel"): {@code <prefix>.streams.state}. */
    public String stateAddress() {
        return addressPrefix + ".streams.state";
    }

    public JsonObject toJson() {
        return new JsonObject().put("maxConflictRetries", maxConflictRetries).put("readBatchSize", readBatchSize)
                .put("addressPrefix", addressPrefix).put("sendTimeoutMillis", sendTimeoutMillis)
                .put("stateCacheSize", stateCacheSize);
    }
}
