package io.whizbang.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.projection.DeadLetterStore;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Options of the projections runtime: batch size, catch-up windows and document cache, retry policy of failing handlers, where dead letters go, which
 * perspectives are inline, and the clock and periods health is measured with.
 */
public class ProjectionsOptions {
    /** Default number of events a perspective handles per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** Default most events a perspective handles per transaction while it catches up. */
    public static final int DEFAULT_CATCH_UP_EVENTS = 20_000;
    /** Default most documents a perspective writes per transaction while it catches up. */
    public static final int DEFAULT_CATCH_UP_DOCUMENTS = 20_000;
    /** Default number of documents each perspective keeps in memory from one batch to the next. */
    public static final int DEFAULT_CACHED_DOCUMENTS = 20_000;
    /** Default period without progress, while events wait, after which a perspective counts as stalled. */
    public static final long DEFAULT_STALL_AFTER_MILLIS = 60_000;
    /** Default period of the health check that notices stalls; 0 turns the periodic check off. */
    public static final long DEFAULT_HEALTH_CHECK_MILLIS = 2_000;
    /** Default window throughput is averaged over. */
    public static final long DEFAULT_THROUGHPUT_WINDOW_MILLIS = 60_000;
    /** Default longest wait of a command's answer for the inline perspectives. */
    public static final long DEFAULT_INLINE_TIMEOUT_MILLIS = 5_000;
    /** Default time a replaced generation's documents are kept for readers that have not switched yet. */
    public static final long DEFAULT_RETIRED_GENERATION_GRACE_MILLIS = 60_000;
    /** Default prefix of the event-bus addresses. */
    public static final String DEFAULT_ADDRESS_PREFIX = "whizbang";

    private int batchSize = DEFAULT_BATCH_SIZE;
    private int catchUpEvents = DEFAULT_CATCH_UP_EVENTS;
    private int catchUpDocuments = DEFAULT_CATCH_UP_DOCUMENTS;
    private int cachedDocuments = DEFAULT_CACHED_DOCUMENTS;
    private long stallAfterMillis = DEFAULT_STALL_AFTER_MILLIS;
    private long healthCheckMillis = DEFAULT_HEALTH_CHECK_MILLIS;
    private long throughputWindowMillis = DEFAULT_THROUGHPUT_WINDOW_MILLIS;
    private long inlineTimeoutMillis = DEFAULT_INLINE_TIMEOUT_MILLIS;
    private long retiredGenerationGraceMillis = DEFAULT_RETIRED_GENERATION_GRACE_MILLIS;
    private String addressPrefix = DEFAULT_ADDRESS_PREFIX;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Set<String> inline = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private DeadLetterStore deadLetters;

    public ProjectionsOptions() {
    }

    public ProjectionsOptions(JsonObject json) {
        setBatchSize(json.getInteger("batchSize", DEFAULT_BATCH_SIZE));
        setCatchUpEvents(json.getInteger("catchUpEvents", DEFAULT_CATCH_UP_EVENTS));
        setCatchUpDocuments(json.getInteger("catchUpDocuments", DEFAULT_CATCH_UP_DOCUMENTS));
        setCachedDocuments(json.getInteger("cachedDocuments", DEFAULT_CACHED_DOCUMENTS));
        setStallAfterMillis(json.getLong("stallAfterMillis", DEFAULT_STALL_AFTER_MILLIS));
        setHealthCheckMillis(json.getLong("healthCheckMillis", DEFAULT_HEALTH_CHECK_MILLIS));
        setThroughputWindowMillis(json.getLong("throughputWindowMillis", DEFAULT_THROUGHPUT_WINDOW_MILLIS));
        setInlineTimeoutMillis(json.getLong("inlineTimeoutMillis", DEFAULT_INLINE_TIMEOUT_MILLIS));
        setRetiredGenerationGraceMillis(json.getLong("retiredGenerationGraceMillis",
                DEFAULT_RETIRED_GENERATION_GRACE_MILLIS));
        setAddressPrefix(json.getString("addressPrefix", DEFAULT_ADDRESS_PREFIX));
        JsonObject retry = json.getJsonObject("retryPolicy");
        setRetryPolicy(retry == null ? RetryPolicy.DEFAULT : RetryPolicy.fromJson(retry));
        Set<String> names = new LinkedHashSet<>();
        json.getJsonArray("inline", new JsonArray()).forEach(name -> names.add(String.valueOf(name)));
        setInline(names);
    }

    public int getBatchSize() {
        return batchSize;
    }

    /** Sets how many events a perspective handles per transaction; 1 to 10,000. */
    public ProjectionsOptions setBatchSize(int batchSize) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1-10000, was " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    public int getCatchUpEvents() {
        return catchUpEvents;
    }

    /**
     * Sets the most events a perspective handles per transaction while it catches up (1 to 1,000,000): far behind
     * the head, it reads pages that grow from the batch size to four batches and handles page after page into one
     * transaction, which ends with the page that reaches this many events, so a document touched by many of those
     * events is loaded and written once. A value at or below the batch size commits every page of the batch size.
     */
    public ProjectionsOptions setCatchUpEvents(int catchUpEvents) {
        if (catchUpEvents < 1 || catchUpEvents > 1_000_000) {
            throw new IllegalArgumentException("catchUpEvents must be 1-1000000, was " + catchUpEvents);
        }
        this.catchUpEvents = catchUpEvents;
        return this;
    }

    public int getCatchUpDocuments() {
        return catchUpDocuments;
    }

    /**
     * Sets the most documents a perspective writes per transaction while it catches up (1 to 1,000,000); the
     * transaction ends with the page that reached it.
     */
    public ProjectionsOptions setCatchUpDocuments(int catchUpDocuments) {
        if (catchUpDocuments < 1 || catchUpDocuments > 1_000_000) {
            throw new IllegalArgumentException("catchUpDocuments must be 1-1000000, was " + catchUpDocuments);
        }
        this.catchUpDocuments = catchUpDocuments;
        return this;
    }

    public int getCachedDocuments() {
        return cachedDocuments;
    }

    /**
     * Sets how many documents each perspective keeps in memory from one batch to the next, so a document touched
     * again is not loaded again (the least recently used go first); 0 keeps none.
     */
    public ProjectionsOptions setCachedDocuments(int cachedDocuments) {
        if (cachedDocuments < 0 || cachedDocuments > 1_000_000) {
            throw new IllegalArgumentException("cachedDocuments must be 0-1000000, was " + cachedDocuments);
        }
        this.cachedDocuments = cachedDocuments;
        return this;
    }

    public long getStallAfterMillis() {
        return stallAfterMillis;
    }

    /** Sets the period without progress, while events wait, after which a perspective counts as stalled. */
    public ProjectionsOptions setStallAfterMillis(long stallAfterMillis) {
        if (stallAfterMillis < 1) {
            throw new IllegalArgumentException("stallAfterMillis must be positive, was " + stallAfterMillis);
        }
        this.stallAfterMillis = stallAfterMillis;
        return this;
    }

    public long getHealthCheckMillis() {
        return healthCheckMillis;
    }

    /** Sets how often health is measured in the background, noticing stalls; 0 measures only when asked. */
    public ProjectionsOptions setHealthCheckMillis(long healthCheckMillis) {
        if (healthCheckMillis < 0) {
            throw new IllegalArgumentException("healthCheckMillis cannot be negative, was " + healthCheckMillis);
        }
        this.healthCheckMillis = healthCheckMillis;
        return this;
    }

    public long getThroughputWindowMillis() {
        return throughputWindowMillis;
    }

    /** Sets the window throughput is averaged over. */
    public ProjectionsOptions setThroughputWindowMillis(long throughputWindowMillis) {
        if (throughputWindowMillis < 1) {
            throw new IllegalArgumentException("throughputWindowMillis must be positive, was "
                    + throughputWindowMillis);
        }
        this.throughputWindowMillis = throughputWindowMillis;
        return this;
    }

    public long getInlineTimeoutMillis() {
        return inlineTimeoutMillis;
    }

    /** Sets the longest time a command's answer waits for the inline perspectives. */
    public ProjectionsOptions setInlineTimeoutMillis(long inlineTimeoutMillis) {
        if (inlineTimeoutMillis < 1) {
            throw new IllegalArgumentException("inlineTimeoutMillis must be positive, was " + inlineTimeoutMillis);
        }
        this.inlineTimeoutMillis = inlineTimeoutMillis;
        return this;
    }

    public long getRetiredGenerationGraceMillis() {
        return retiredGenerationGraceMillis;
    }

    /**
     * Sets how long a replaced generation's documents are kept after a rebuild took over, for readers in other
     * processes that have not switched yet; 0 drops them at once.
     */
    public ProjectionsOptions setRetiredGenerationGraceMillis(long retiredGenerationGraceMillis) {
        if (retiredGenerationGraceMillis < 0) {
            throw new IllegalArgumentException("retiredGenerationGraceMillis cannot be negative, was "
                    + retiredGenerationGraceMillis);
        }
        this.retiredGenerationGraceMillis = retiredGenerationGraceMillis;
        return this;
    }

    public String getAddressPrefix() {
        return addressPrefix;
    }

    /** Sets the prefix of the {@link ProjectionsAddresses}. */
    public ProjectionsOptions setAddressPrefix(String addressPrefix) {
        if (addressPrefix == null || addressPrefix.isBlank()) {
            throw new IllegalArgumentException("addressPrefix must not be blank");
        }
        this.addressPrefix = addressPrefix;
        return this;
    }

    public RetryPolicy getRetryPolicy() {
        return retryPolicy;
    }

    /** Sets how a failing handler is retried before its event is parked. */
    public ProjectionsOptions setRetryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    public Set<String> getInline() {
        return Set.copyOf(inline);
    }

    /**
     * Sets the perspectives that commands wait for before they are answered (read-your-writes).
     *
     * <p>Inline does not mean "in the append's transaction": the ledger and the projection store are usually
     * separate databases, so no transaction spans both. A dispatcher given {@link Projections#readYourWrites()} (or
     * {@link ProjectionsClient#readYourWrites()}) answers a command only once these perspectives have committed its
     * position, at most {@link #getInlineTimeoutMillis()} later; then the caller's next query sees its own writes.
     * The events are durable before the wait, so a wait that fails or times out still answers the command.
     */
    public ProjectionsOptions setInline(Set<String> perspectives) {
        this.inline = new LinkedHashSet<>(Objects.requireNonNull(perspectives, "perspectives"));
        return this;
    }

    /** Marks one more perspective inline. */
    public ProjectionsOptions addInline(String perspective) {
        inline.add(Objects.requireNonNull(perspective, "perspective"));
        return this;
    }

    public Clock getClock() {
        return clock;
    }

    /** Sets the clock lag, stalls, throughput and dead letters are measured with; tests move it by hand. */
    public ProjectionsOptions setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** The store dead letters are parked in, or {@code null} for one in memory. */
    public DeadLetterStore getDeadLetters() {
        return deadLetters;
    }

    /** Sets the store dead letters are parked in; keep it beside the projection store so they survive restarts. */
    public ProjectionsOptions setDeadLetters(DeadLetterStore deadLetters) {
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        return this;
    }

    public JsonObject toJson() {
        return new JsonObject().put("batchSize", batchSize).put("catchUpEvents", catchUpEvents)
                .put("catchUpDocuments", catchUpDocuments).put("cachedDocuments", cachedDocuments)
                .put("stallAfterMillis", stallAfterMillis)
                .put("healthCheckMillis", healthCheckMillis).put("throughputWindowMillis", throughputWindowMillis)
                .put("inlineTimeoutMillis", inlineTimeoutMillis)
                .put("retiredGenerationGraceMillis", retiredGenerationGraceMillis)
                .put("addressPrefix", addressPrefix).put("retryPolicy", retryPolicy.toJson())
                .put("inline", new JsonArray(inline.stream().map(name -> (Object) name).toList()));
    }
}
