package io.whizbang.gateway.desktop;

import io.vertx.core.json.JsonObject;
import io.whizbang.http.HttpServiceOptions;
import io.whizbang.security.TokenVerifierOptions;

import java.util.Objects;

/**
 * Options of the desktop gateway: where it listens (port {@value #DEFAULT_PORT} by default), what makes it ready,
 * how bearer tokens are verified and how many are remembered, how large a request message may be, the default page
 * size, and how the {@code WatchOrders} stream and the gRPC health {@code Watch} poll.
 */
public class DesktopGatewayOptions extends HttpServiceOptions<DesktopGatewayOptions> {
    /** Default port of the desktop gateway. */
    public static final int DEFAULT_PORT = 9090;
    /** Default largest request message: 256 KiB. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;
    /** Default page size of {@code ListCustomerOrders} when the request's limit is 0. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** Default prefix of the event-bus addresses of the dispatcher and the ledger. */
    public static final String DEFAULT_ADDRESS_PREFIX = "whizbang";
    /** Default number of ledger events one {@code WatchOrders} stream reads at a time. */
    public static final int DEFAULT_WATCH_BATCH_SIZE = 100;
    /** Default time between two readiness checks of a gRPC health {@code Watch}. */
    public static final long DEFAULT_HEALTH_WATCH_INTERVAL_MILLIS = 2000;
    /** Default number of verified bearer tokens remembered until their expiry. */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;

    private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private int defaultPageSize = DEFAULT_PAGE_SIZE;
    private String addressPrefix = DEFAULT_ADDRESS_PREFIX;
    private int watchBatchSize = DEFAULT_WATCH_BATCH_SIZE;
    private long healthWatchIntervalMillis = DEFAULT_HEALTH_WATCH_INTERVAL_MILLIS;
    private int tokenCacheSize = DEFAULT_TOKEN_CACHE_SIZE;
    private TokenVerifierOptions tokens;

    public DesktopGatewayOptions() {
        super(DEFAULT_PORT);
    }

    /**
     * Options from JSON: the {@link HttpServiceOptions} fields plus {@code maxMessageBytes}, {@code defaultPageSize},
     * {@code addressPrefix}, {@code watchBatchSize}, {@code healthWatchIntervalMillis}, {@code tokenCacheSize} and
     * {@code tokens} (the {@link TokenVerifierOptions} JSON).
     */
    public DesktopGatewayOptions(JsonObject json) {
        super(json, DEFAULT_PORT);
        setMaxMessageBytes(json.getLong("maxMessageBytes", DEFAULT_MAX_MESSAGE_BYTES));
        setDefaultPageSize(json.getInteger("defaultPageSize", DEFAULT_PAGE_SIZE));
        setAddressPrefix(json.getString("addressPrefix", DEFAULT_ADDRESS_PREFIX));
        setWatchBatchSize(json.getInteger("watchBatchSize", DEFAULT_WATCH_BATCH_SIZE));
        setHealthWatchIntervalMillis(json.getLong("healthWatchIntervalMillis",
                DEFAULT_HEALTH_WATCH_INTERVAL_MILLIS));
        setTokenCacheSize(json.getInteger("tokenCacheSize", DEFAULT_TOKEN_CACHE_SIZE));
        JsonObject tokenJson = json.getJsonObject("tokens");
        if (tokenJson != null) {
            setTokens(new TokenVerifierOptions(tokenJson));
        }
    }

    @Override
    protected DesktopGatewayOptions self() {
        return this;
    }

    public long getMaxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Sets the largest request message accepted; a larger one is refused with {@code RESOURCE_EXHAUSTED}. 1 byte to
     * 64 MiB.
     */
    public DesktopGatewayOptions setMaxMessageBytes(long maxMessageBytes) {
        if (maxMessageBytes < 1 || maxMessageBytes > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("maxMessageBytes must be 1-67108864, was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        return this;
    }

    public int getDefaultPageSize() {
        return defaultPageSize;
    }

    /** Sets the page size used when a request's limit is 0; 1 to 100, the lens's largest page. */
    public DesktopGatewayOptions setDefaultPageSize(int defaultPageSize) {
        if (defaultPageSize < 1 || defaultPageSize > 100) {
            throw new IllegalArgumentException("defaultPageSize must be 1-100, was " + defaultPageSize);
        }
        this.defaultPageSize = defaultPageSize;
        return this;
    }

    public String getAddressPrefix() {
        return addressPrefix;
    }

    /** Sets the prefix of the event-bus addresses where the dispatcher and the ledger are served. */
    public DesktopGatewayOptions setAddressPrefix(String addressPrefix) {
        if (addressPrefix == null || addressPrefix.isBlank()) {
            throw new IllegalArgumentException("addressPrefix must not be blank");
        }
        this.addressPrefix = addressPrefix;
        return this;
    }

    public int getWatchBatchSize() {
        return watchBatchSize;
    }

    /** Sets how many ledger events one {@code WatchOrders} stream reads at a time; 1 to 10,000. */
    public DesktopGatewayOptions setWatchBatchSize(int watchBatchSize) {
        if (watchBatchSize < 1 || watchBatchSize > 10_000) {
            throw new IllegalArgumentException("watchBatchSize must be 1-10000, was " + watchBatchSize);
        }
        this.watchBatchSize = watchBatchSize;
        return this;
    }

    public long getHealthWatchIntervalMillis() {
        return healthWatchIntervalMillis;
    }

    /** Sets the time between two readiness checks of a gRPC health {@code Watch}; 10 ms to 1 hour. */
    public DesktopGatewayOptions setHealthWatchIntervalMillis(long healthWatchIntervalMillis) {
        if (healthWatchIntervalMillis < 10 || healthWatchIntervalMillis > 3_600_000) {
            throw new IllegalArgumentException("healthWatchIntervalMillis must be 10-3600000, was "
                    + healthWatchIntervalMillis);
        }
        this.healthWatchIntervalMillis = healthWatchIntervalMillis;
        return this;
    }

    public int getTokenCacheSize() {
        return tokenCacheSize;
    }

    /**
     * Sets how many verified bearer tokens are remembered until their expiry, so that a client calling with one
     * token pays for its signature check once; 0 verifies every call. 0 to 1,000,000.
     */
    public DesktopGatewayOptions setTokenCacheSize(int tokenCacheSize) {
        if (tokenCacheSize < 0 || tokenCacheSize > 1_000_000) {
            throw new IllegalArgumentException("tokenCacheSize must be 0-1000000, was " + tokenCacheSize);
        }
        this.tokenCacheSize = tokenCacheSize;
        return this;
    }

    /** How bearer tokens are verified, or {@code null} while unset; the gateway refuses to start without it. */
    public TokenVerifierOptions getTokens() {
        return tokens;
    }

    /** Sets how bearer tokens are verified: the development key, or a production key or JWKS. */
    public DesktopGatewayOptions setTokens(TokenVerifierOptions tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        return this;
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = super.toJson().put("maxMessageBytes", maxMessageBytes)
                .put("defaultPageSize", defaultPageSize).put("addressPrefix", addressPrefix)
                .put("watchBatchSize", watchBatchSize).put("healthWatchIntervalMillis", healthWatchIntervalMillis)
                .put("tokenCacheSize", tokenCacheSize);
        if (tokens != null) {
            json.put("tokens", tokens.toJson());
        }
        return json;
    }
}
