package io.whizbang.gateway.web;

import io.vertx.core.json.JsonObject;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.http.HttpServiceOptions;
import io.whizbang.security.TokenVerifierOptions;

import java.util.Objects;

/**
 * Options of the web gateway: where it listens (port {@value #DEFAULT_PORT} by default), what makes it ready, how it
 * verifies tokens and reaches the dispatcher, and the limits it puts on requests and GraphQL documents.
 */
public class WebGatewayOptions extends HttpServiceOptions<WebGatewayOptions> {
    /** Default port of the web gateway. */
    public static final int DEFAULT_PORT = 8080;
    /** Default largest request body (and WebSocket message) accepted, in bytes: 256 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    /** Default deepest GraphQL document accepted, counted in nested fields. */
    public static final int DEFAULT_MAX_QUERY_DEPTH = 10;
    /** Default most complex GraphQL document accepted: one point per field selected. */
    public static final int DEFAULT_MAX_QUERY_COMPLEXITY = 200;
    /** Default number of parsed and validated documents kept for reuse, persisted queries included. */
    public static final int DEFAULT_DOCUMENT_CACHE_SIZE = 1000;
    /** Default number of ledger events a live subscription reads per batch. */
    public static final int DEFAULT_SUBSCRIPTION_BATCH_SIZE = 100;
    /** Default time a WebSocket client has to send {@code connection_init} after connecting. */
    public static final long DEFAULT_CONNECTION_INIT_TIMEOUT_MILLIS = 3000;
    /** Default of whether GraphiQL is served at {@code /graphiql}. */
    public static final boolean DEFAULT_GRAPHIQL_ENABLED = true;
    /** Default number of verified bearer tokens each gateway instance keeps. */
    public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
    /** Default longest time a verified token is kept (never past its own expiry). */
    public static final long DEFAULT_TOKEN_CACHE_MILLIS = 60_000;

    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxQueryDepth = DEFAULT_MAX_QUERY_DEPTH;
    private int maxQueryComplexity = DEFAULT_MAX_QUERY_COMPLEXITY;
    private int documentCacheSize = DEFAULT_DOCUMENT_CACHE_SIZE;
    private int subscriptionBatchSize = DEFAULT_SUBSCRIPTION_BATCH_SIZE;
    private long connectionInitTimeoutMillis = DEFAULT_CONNECTION_INIT_TIMEOUT_MILLIS;
    private boolean graphiqlEnabled = DEFAULT_GRAPHIQL_ENABLED;
    private int tokenCacheSize = DEFAULT_TOKEN_CACHE_SIZE;
    private long tokenCacheMillis = DEFAULT_TOKEN_CACHE_MILLIS;
    private TokenVerifierOptions tokenVerifier;
    private DispatcherOptions dispatcher = new DispatcherOptions();

    public WebGatewayOptions() {
        super(DEFAULT_PORT);
    }

    /**
     * Options from JSON: the keys of {@link HttpServiceOptions} and {@code maxBodyBytes}, {@code maxQueryDepth},
     * {@code maxQueryComplexity}, {@code documentCacheSize}, {@code subscriptionBatchSize},
     * {@code connectionInitTimeoutMillis}, {@code graphiqlEnabled}, {@code tokenCacheSize},
     * {@code tokenCacheMillis}, {@code tokenVerifier} (an object of
     * {@link TokenVerifierOptions}) and {@code dispatcher} (an object of {@link DispatcherOptions}).
     */
    public WebGatewayOptions(JsonObject json) {
        super(json, DEFAULT_PORT);
        setMaxBodyBytes(json.getInteger("maxBodyBytes", DEFAULT_MAX_BODY_BYTES));
        setMaxQueryDepth(json.getInteger("maxQueryDepth", DEFAULT_MAX_QUERY_DEPTH));
        setMaxQueryComplexity(json.getInteger("maxQueryComplexity", DEFAULT_MAX_QUERY_COMPLEXITY));
        setDocumentCacheSize(json.getInteger("documentCacheSize", DEFAULT_DOCUMENT_CACHE_SIZE));
        setSubscriptionBatchSize(json.getInteger("subscriptionBatchSize", DEFAULT_SUBSCRIPTION_BATCH_SIZE));
        setConnectionInitTimeoutMillis(json.getLong("connectionInitTimeoutMillis",
                DEFAULT_CONNECTION_INIT_TIMEOUT_MILLIS));
        setGraphiqlEnabled(json.getBoolean("graphiqlEnabled", DEFAULT_GRAPHIQL_ENABLED));
        setTokenCacheSize(json.getInteger("tokenCacheSize", DEFAULT_TOKEN_CACHE_SIZE));
        setTokenCacheMillis(json.getLong("tokenCacheMillis", DEFAULT_TOKEN_CACHE_MILLIS));
        JsonObject verifier = json.getJsonObject("tokenVerifier");
        tokenVerifier = verifier == null ? null : new TokenVerifierOptions(verifier);
        setDispatcher(new DispatcherOptions(json.getJsonObject("dispatcher", new JsonObject())));
    }

    @Override
    protected WebGatewayOptions self() {
        return this;
    }

    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    /** Sets the largest request body and WebSocket message accepted; 1 KiB to 64 MiB. */
    public WebGatewayOptions setMaxBodyBytes(int maxBodyBytes) {
        if (maxBodyBytes < 1024 || maxBodyBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be 1024-67108864, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    public int getMaxQueryDepth() {
        return maxQueryDepth;
    }

    /** Sets the deepest document accepted; 1 to 100. */
    public WebGatewayOptions setMaxQueryDepth(int maxQueryDepth) {
        if (maxQueryDepth < 1 || maxQueryDepth > 100) {
            throw new IllegalArgumentException("maxQueryDepth must be 1-100, was " + maxQueryDepth);
        }
        this.maxQueryDepth = maxQueryDepth;
        return this;
    }

    public int getMaxQueryComplexity() {
        return maxQueryComplexity;
    }

    /** Sets the most complex document accepted; 1 to 100,000. */
    public WebGatewayOptions setMaxQueryComplexity(int maxQueryComplexity) {
        if (maxQueryComplexity < 1 || maxQueryComplexity > 100_000) {
            throw new IllegalArgumentException("maxQueryComplexity must be 1-100000, was " + maxQueryComplexity);
        }
        this.maxQueryComplexity = maxQueryComplexity;
        return this;
    }

    public int getDocumentCacheSize() {
        return documentCacheSize;
    }

    /** Sets how many parsed documents are kept; 0 turns the cache off, at most 1,000,000. */
    public WebGatewayOptions setDocumentCacheSize(int documentCacheSize) {
        if (documentCacheSize < 0 || documentCacheSize > 1_000_000) {
            throw new IllegalArgumentException("documentCacheSize must be 0-1000000, was " + documentCacheSize);
        }
        this.documentCacheSize = documentCacheSize;
        return this;
    }

    public int getSubscriptionBatchSize() {
        return subscriptionBatchSize;
    }

    /** Sets how many ledger events a live subscription reads at once; 1 to 10,000. */
    public WebGatewayOptions setSubscriptionBatchSize(int subscriptionBatchSize) {
        if (subscriptionBatchSize < 1 || subscriptionBatchSize > 10_000) {
            throw new IllegalArgumentException("subscriptionBatchSize must be 1-10000, was " + subscriptionBatchSize);
        }
        this.subscriptionBatchSize = subscriptionBatchSize;
        return this;
    }

    public long getConnectionInitTimeoutMillis() {
        return connectionInitTimeoutMillis;
    }

    /** Sets how long a WebSocket client may wait before {@code connection_init}; positive. */
    public WebGatewayOptions setConnectionInitTimeoutMillis(long connectionInitTimeoutMillis) {
        if (connectionInitTimeoutMillis < 1) {
            throw new IllegalArgumentException("connectionInitTimeoutMillis must be positive, was "
                    + connectionInitTimeoutMillis);
        }
        this.connectionInitTimeoutMillis = connectionInitTimeoutMillis;
        return this;
    }

    public boolean isGraphiqlEnabled() {
        return graphiqlEnabled;
    }

    /** Sets whether GraphiQL is served at {@code /graphiql}. */
    public WebGatewayOptions setGraphiqlEnabled(boolean graphiqlEnabled) {
        this.graphiqlEnabled = graphiqlEnabled;
        return this;
    }

    public int getTokenCacheSize() {
        return tokenCacheSize;
    }

    /** Sets how many verified tokens each gateway instance keeps; 0 verifies every request, at most 1,000,000. */
    public WebGatewayOptions setTokenCacheSize(int tokenCacheSize) {
        if (tokenCacheSize < 0 || tokenCacheSize > 1_000_000) {
            throw new IllegalArgumentException("tokenCacheSize must be 0-1000000, was " + tokenCacheSize);
        }
        this.tokenCacheSize = tokenCacheSize;
        return this;
    }

    public long getTokenCacheMillis() {
        return tokenCacheMillis;
    }

    /** Sets the longest time a verified token is kept, never past its own expiry; 0 verifies every request. */
    public WebGatewayOptions setTokenCacheMillis(long tokenCacheMillis) {
        if (tokenCacheMillis < 0) {
            throw new IllegalArgumentException("tokenCacheMillis cannot be negative: " + tokenCacheMillis);
        }
        this.tokenCacheMillis = tokenCacheMillis;
        return this;
    }

    public TokenVerifierOptions getTokenVerifier() {
        return tokenVerifier;
    }

    /** Sets how bearer tokens are verified; the gateway does not start without it. */
    public WebGatewayOptions setTokenVerifier(TokenVerifierOptions tokenVerifier) {
        this.tokenVerifier = Objects.requireNonNull(tokenVerifier, "tokenVerifier");
        return this;
    }

    public DispatcherOptions getDispatcher() {
        return dispatcher;
    }

    /** Sets how the dispatcher and the ledger are reached on the event bus (address prefix, send timeout). */
    public WebGatewayOptions setDispatcher(DispatcherOptions dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        return this;
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = super.toJson().put("maxBodyBytes", maxBodyBytes).put("maxQueryDepth", maxQueryDepth)
                .put("maxQueryComplexity", maxQueryComplexity).put("documentCacheSize", documentCacheSize)
                .put("subscriptionBatchSize", subscriptionBatchSize)
                .put("connectionInitTimeoutMillis", connectionInitTimeoutMillis)
                .put("graphiqlEnabled", graphiqlEnabled).put("tokenCacheSize", tokenCacheSize)
                .put("tokenCacheMillis", tokenCacheMillis).put("dispatcher", dispatcher.toJson());
        if (tokenVerifier != null) {
            json.put("tokenVerifier", tokenVerifier.toJson());
        }
        return json;
    }
}
