package io.whizbang.control;

import io.vertx.core.json.JsonObject;
import io.whizbang.http.HttpServiceOptions;
import io.whizbang.security.TokenVerifierOptions;

/**
 * Options of the control plane: where it listens (port {@value #DEFAULT_PORT} by default), how bearer tokens are
 * verified, where the audit log and the feature flags are kept, how long a broadcast command waits for answers, and
 * how far the dashboard's searches scan.
 */
public class ControlPlaneOptions extends HttpServiceOptions<ControlPlaneOptions> {
    /** Default port of the control plane. */
    public static final int DEFAULT_PORT = 8088;
    /** Default event-bus address prefix, shared with the dispatcher and the ledger. */
    public static final String DEFAULT_ADDRESS_PREFIX = "whizbang";
    /** Default time a broadcast command gathers answers. */
    public static final long DEFAULT_DEADLINE_MILLIS = 2000;
    /** The longest deadline a caller may ask for. */
    public static final long MAX_DEADLINE_MILLIS = 30_000;
    /** Default number of the ledger's newest events a journey search or a stream listing scans. */
    public static final int DEFAULT_SCAN_LIMIT = 100_000;
    /** Default number of handled commands kept for journeys. */
    public static final int DEFAULT_JOURNAL_SIZE = 10_000;
    /** Default classpath resource of the application's message-flow map. */
    public static final String DEFAULT_FLOW_MAP_RESOURCE = "META-INF/whizbang/flow-map.json";
    /** Default Micrometer registry name the launcher's Vert.x metrics use. */
    public static final String DEFAULT_METRICS_REGISTRY = "whizbang";

    private TokenVerifierOptions tokens;
    private String dataDir;
    private String addressPrefix = DEFAULT_ADDRESS_PREFIX;
    private long deadlineMillis = DEFAULT_DEADLINE_MILLIS;
    private int scanLimit = DEFAULT_SCAN_LIMIT;
    private int journalSize = DEFAULT_JOURNAL_SIZE;
    private String flowMapResource = DEFAULT_FLOW_MAP_RESOURCE;
    private String metricsRegistry = DEFAULT_METRICS_REGISTRY;

    public ControlPlaneOptions() {
        super(DEFAULT_PORT);
    }

    /**
     * Options from JSON: the {@link HttpServiceOptions} fields plus {@code tokens}, {@code dataDir},
     * {@code addressPrefix}, {@code deadlineMillis}, {@code scanLimit}, {@code journalSize},
     * {@code flowMapResource} and {@code metricsRegistry}.
     */
    public ControlPlaneOptions(JsonObject json) {
        super(json, DEFAULT_PORT);
        JsonObject tokenJson = json.getJsonObject("tokens");
        if (tokenJson != null) {
            setTokens(new TokenVerifierOptions(tokenJson));
        }
        setDataDir(json.getString("dataDir"));
        setAddressPrefix(json.getString("addressPrefix", DEFAULT_ADDRESS_PREFIX));
        setDeadlineMillis(json.getLong("deadlineMillis", DEFAULT_DEADLINE_MILLIS));
        setScanLimit(json.getInteger("scanLimit", DEFAULT_SCAN_LIMIT));
        setJournalSize(json.getInteger("journalSize", DEFAULT_JOURNAL_SIZE));
        setFlowMapResource(json.getString("flowMapResource", DEFAULT_FLOW_MAP_RESOURCE));
        setMetricsRegistry(json.getString("metricsRegistry", DEFAULT_METRICS_REGISTRY));
    }

    @Override
    protected ControlPlaneOptions self() {
        return this;
    }

    /** How bearer tokens are verified, or {@code null} when the verticle is given a verifier. */
    public TokenVerifierOptions getTokens() {
        return tokens;
    }

    /** Sets how bearer tokens are verified. */
    public ControlPlaneOptions setTokens(TokenVerifierOptions tokens) {
        this.tokens = tokens;
        return this;
    }

    /** The directory of the audit log and the feature flags, or {@code null} to keep them in memory only. */
    public String getDataDir() {
        return dataDir;
    }

    /** Sets the directory of the audit log and the feature flags; {@code null} keeps them in memory only. */
    public ControlPlaneOptions setDataDir(String dataDir) {
        this.dataDir = dataDir == null || dataDir.isBlank() ? null : dataDir;
        return this;
    }

    public String getAddressPrefix() {
        return addressPrefix;
    }

    /** Sets the event-bus prefix of the dispatcher, the ledger, the projections and the control protocol. */
    public ControlPlaneOptions setAddressPrefix(String addressPrefix) {
        if (addressPrefix == null || addressPrefix.isBlank()) {
            throw new IllegalArgumentException("addressPrefix must not be blank");
        }
        this.addressPrefix = addressPrefix;
        return this;
    }

    public long getDeadlineMillis() {
        return deadlineMillis;
    }

    /** Sets how long a broadcast command gathers answers unless the caller asks otherwise; 1 to 30,000 ms. */
    public ControlPlaneOptions setDeadlineMillis(long deadlineMillis) {
        if (deadlineMillis < 1 || deadlineMillis > MAX_DEADLINE_MILLIS) {
            throw new IllegalArgumentException("deadlineMillis must be 1-" + MAX_DEADLINE_MILLIS + ", was "
                    + deadlineMillis);
        }
        this.deadlineMillis = deadlineMillis;
        return this;
    }

    public int getScanLimit() {
        return scanLimit;
    }

    /** Sets how many of the ledger's newest events a journey search or a stream listing scans; at least 1. */
    public ControlPlaneOptions setScanLimit(int scanLimit) {
        if (scanLimit < 1) {
            throw new IllegalArgumentException("scanLimit must be positive, was " + scanLimit);
        }
        this.scanLimit = scanLimit;
        return this;
    }

    public int getJournalSize() {
        return journalSize;
    }

    /** Sets how many handled commands are kept for journeys; at least 1. */
    public ControlPlaneOptions setJournalSize(int journalSize) {
        if (journalSize < 1) {
            throw new IllegalArgumentException("journalSize must be positive, was " + journalSize);
        }
        this.journalSize = journalSize;
        return this;
    }

    public String getFlowMapResource() {
        return flowMapResource;
    }

    /** Sets the classpath resource of the application's message-flow map. */
    public ControlPlaneOptions setFlowMapResource(String flowMapResource) {
        if (flowMapResource == null || flowMapResource.isBlank()) {
            throw new IllegalArgumentException("flowMapResource must not be blank");
        }
        this.flowMapResource = flowMapResource;
        return this;
    }

    public String getMetricsRegistry() {
        return metricsRegistry;
    }

    /** Sets the name of the Micrometer registry Vert.x's metrics were set up with ({@link Observability}). */
    public ControlPlaneOptions setMetricsRegistry(String metricsRegistry) {
        if (metricsRegistry == null || metricsRegistry.isBlank()) {
            throw new IllegalArgumentException("metricsRegistry must not be blank");
        }
        this.metricsRegistry = metricsRegistry;
        return this;
    }

    @Override
    public JsonObject toJson() {
        JsonObject json = super.toJson().put("addressPrefix", addressPrefix).put("deadlineMillis", deadlineMillis)
                .put("scanLimit", scanLimit).put("journalSize", journalSize).put("flowMapResource", flowMapResource)
                .put("metricsRegistry", metricsRegistry);
        if (dataDir != null) {
            json.put("dataDir", dataDir);
        }
        if (tokens != null) {
            json.put("tokens", tokens.toJson());
        }
        return json;
    }
}
