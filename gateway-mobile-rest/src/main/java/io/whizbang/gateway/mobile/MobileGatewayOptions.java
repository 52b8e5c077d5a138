package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonObject;
import io.whizbang.http.HttpServiceOptions;
import io.whizbang.security.TokenVerifierOptions;

import java.util.Objects;

/**
 * Options of the mobile gateway: where it listens (port {@value #DEFAULT_PORT} by default), what makes it ready,
 * how bearer tokens are verified and how long verified ones are remembered, how large a request body may be, the
 * default page size and whether responses are compressed.
 */
public class MobileGatewayOptions extends HttpServiceOptions<MobileGatewayOptions> {
    /** Default port of the mobile gateway. */
    public static final int DEFAULT_PORT = 8081;
    /** Default largest request body: 256 KiB. */
    public static final long DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;
    /** Default page size of {@code GET /api/customers/{id}/orders} when the request names no {@code limit}. */
    public static final int DEFAULT_PAGE_SIZE = 20;
    /** Default of whether responses are gzip- or deflate-compressed for clients that accept it. */
    public static final boolean DEFAULT_COMPRESSION_SUPPORTED = true;
    /** Default number of verified bearer tokens each event loop remembers. */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    /** Default longest time a verified token is remembered (never past its expiry). */
    public static final long DEFAULT_TOKEN_CACHE_MILLIS = 60_000;
    /** Default prefix of the event-bus addresses of the dispatcher and the ledger. */
    public static final String DEFAULT_ADDRESS_PREFIX = "whizbang";

    private long bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES;
    private int defaultPageSize = DEFAULT_PAGE_SIZE;
    private boolean compressionSupported = DEFAULT_COMPRESSION_SUPPORTED;
    private int tokenCacheSize = DEFAULT_TOKEN_CACHE_SIZE;
    private long tokenCacheMillis = DEFAULT_TOKEN_CACHE_MILLIS;
    private String addressPrefix = DEFAULT_ADDRESS_PREFIX;
    private TokenVerifierOptions tokens;

    public MobileGatewayOptions() {
        super(DEFAULT_PORT);
    }

    /**
     * Options from JSON: the {@link HttpServiceOptions} fields plus {@code bodyLimitBytes}, {@code defaultPageSize},
     * {@code compressionSupported}, {@code tokenCacheSize}, {@code tokenCacheMillis}, {@code addressPrefix} and
     * {@code tokens} (the {@link TokenVerifierOptions} JSON).
     */
    public MobileGatewayOptions(JsonObject json) {
        super(json, DEFAULT_PORT);
        setBodyLimitBytes(json.getLong("bodyLimitBytes", DEFAULT_BODY_LIMIT_BYTES));
        setDefaultPageSize(json.getInteger("defaultPageSize", DEFAULT_PAGE_SIZE));
        setCompressionSupported(json.getBoolean("compressionSupported", DEFAULT_COMPRESSION_SUPPORTED));
        setTokenCacheSize(json.getInteger("tokenCacheSize", DEFAULT_TOKEN_CACHE_SIZE));
        setTokenCacheMillis(json.getLong("tokenCacheMillis", DEFAULT_TOKEN_CACHE_MILLIS));
        setAddressPrefix(json.getString("addressPrefix", DEFAULT_ADDRESS_PREFIX));
        JsonObject tokenJson = json.getJsonObject("tokens");
        if (tokenJson != null) {
            setTokens(new TokenVerifierOptions(tokenJson));
        }
    }

    @Override
    protected MobileGatewayOptions self() {
        return this;
    }

    public long getBodyLimitBytes() {
        return bodyLimitBytes;
    }

    /** Sets the largest request body accepted; a larger one is refused with {@code 413}. 1 byte to 64 MiB. */
    public MobileGatewayOptions setBodyLimitBytes(long bodyLimitBytes) {
        if (bodyLimitBytes < 1 || bodyLimitBytes > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("bodyLimitBytes must be 1-67108864, was " + bodyLimitBytes);
        }
        this.bodyLimitBytes = bodyLimitBytes;
        return this;
    }

    public int getDefaultPageSize() {
        return defaultPageSize;
    }

    /** Sets the page size used when a request names no {@code limit}; 1 to 100, the lens's largest page. */
    public MobileGatewayOptions setDefaultPageSize(int defaultPageSize) {
        if (defaultPageSize < 1 || defaultPageSize > 100) {
            throw new IllegalArgumentException("defaultPageSize must be 1-100, was " + defaultPageSize);
        }
        this.defaultPageSize = defaultPageSize;
        return this;
    }

    public boolean isCompressionSupported() {
        return compressionSupported;
    }

    /** Sets whether responses are compressed for clients that send {@code Accept-Encoding: gzip} or deflate. */
    public MobileGatewayOptions setCompressionSupported(boolean compressionSupported) {
        this.compressionSupported = compressionSupported;
        return this;
    }

    public int getTokenCacheSize() {
        return tokenCacheSize;
    }

    /** Sets how many verified bearer tokens each event loop remembers; 1 to 1,000,000. */
    public MobileGatewayOptions setTokenCacheSize(int tokenCacheSize) {
        if (tokenCacheSize < 1 || tokenCacheSize > 1_000_000) {
            throw new IllegalArgumentException("tokenCacheSize must be 1-1000000, was " + tokenCacheSize);
        }
        this.tokenCacheSize = tokenCacheSize;
        return this;
    }

    public long getTokenCacheMillis() {
        return tokenCacheMillis;
    }

    /**
     * Sets the longest time a verified token is remembered, never past its own expiry; 0 verifies every request's
     * token. At most one hour.
     */
    public MobileGatewayOptions setTokenCacheMillis(long tokenCacheMillis) {
        if (tokenCacheMillis < 0 || tokenCacheMillis > 3_600_000) {
            throw new IllegalArgumentException("tokenCacheMillis must be 0-3600000, was " + tokenCacheMillis);
        }
        this.tokenCacheMillis = tokenCacheMillis;
        return this;
    }

    public String getAddressPrefix() {
        return addressPrefix;
    }

    /** Sets the prefix of the event-bus addresses where the dispatcher and the ledger are served. */
    public MobileGatewayOptions setAddressPrefix(String addressPrefix) {
        if (addressPrefix == null || addressPrefix.isBlank()) {
            throw new IllegalArgumentException("addressPrefix must not be blank");
        }
        this.addressPrefix = addressPrefix;
        return this;
    }

    /** How bearer tokens are verified, or {@code null} while unset; the gateway refuses to start without it. */
    public TokenVerifierOptions getTokens() {
        return tokens;
    }

    /** Sets how bearer tokens are verified: the development key, or a production key or JWKS. */
    public MobileGatewayOptions setTokens(TokenVerifierOptions tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        return this;
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = super.toJson().put("bodyLimitBytes", bodyLimitBytes).put("defaultPageSize", defaultPageSize)
                .put("compressionSupported", compressionSupported).put("tokenCacheSize", tokenCacheSize)
                .put("tokenCacheMillis", tokenCacheMillis).put("addressPrefix", addressPrefix);
        if (tokens != null) {
            json.put("tokens", tokens.toJson());
        }
        return json;
    }
}
