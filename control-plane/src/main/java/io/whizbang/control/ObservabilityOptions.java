package io.whizbang.control;

import io.vertx.core.json.JsonObject;

/**
 * How a Whizbang process is observed, set when its Vert.x instance is created: Micrometer metrics (on by default,
 * scraped from the control plane's {@code /metrics}) and OpenTelemetry tracing (off by default; spans exported over
 * OTLP to a collector).
 */
public class ObservabilityOptions {
    /** Default OTLP endpoint (gRPC). */
    public static final String DEFAULT_OTLP_ENDPOINT = "http://localhost:4317";
    /** OTLP over gRPC, the default protocol. */
    public static final String GRPC = "grpc";
    /** OTLP over HTTP with protobuf bodies; its endpoint ends in {@code /v1/traces}, usually on port 4318. */
    public static final String HTTP_PROTOBUF = "http/protobuf";
    /** Default service name spans carry. */
    public static final String DEFAULT_SERVICE_NAME = "whizbang";

    private boolean metrics = true;
    private boolean tracing;
    private String otlpEndpoint = DEFAULT_OTLP_ENDPOINT;
    private String otlpProtocol = GRPC;
    private String serviceName = DEFAULT_SERVICE_NAME;
    private String metricsRegistry = ControlPlaneOptions.DEFAULT_METRICS_REGISTRY;

    public ObservabilityOptions() {
    }

    /**
     * Options from JSON: {@code metrics}, {@code tracing}, {@code otlpEndpoint}, {@code otlpProtocol},
     * {@code serviceName}, {@code metricsRegistry}.
     */
    public ObservabilityOptions(JsonObject json) {
        setMetrics(json.getBoolean("metrics", true));
        setTracing(json.getBoolean("tracing", false));
        setOtlpEndpoint(json.getString("otlpEndpoint", DEFAULT_OTLP_ENDPOINT));
        setOtlpProtocol(json.getString("otlpProtocol", GRPC));
        setServiceName(json.getString("serviceName", DEFAULT_SERVICE_NAME));
        setMetricsRegistry(json.getString("metricsRegistry", ControlPlaneOptions.DEFAULT_METRICS_REGISTRY));
    }

    public boolean isMetrics() {
        return metrics;
    }

    /** Turns Vert.x's Micrometer metrics on or off. */
    public ObservabilityOptions setMetrics(boolean metrics) {
        this.metrics = metrics;
        return this;
    }

    public boolean isTracing() {
        return tracing;
    }

    /** Turns OpenTelemetry tracing on or off. */
    public ObservabilityOptions setTracing(boolean tracing) {
        this.tracing = tracing;
        return this;
    }

    public String getOtlpEndpoint() {
        return otlpEndpoint;
    }

    /** Sets where spans are exported (OTLP over gRPC), such as {@code http://collector:4317}. */
    public ObservabilityOptions setOtlpEndpoint(String otlpEndpoint) {
        if (otlpEndpoint == null || !(otlpEndpoint.startsWith("http://") || otlpEndpoint.startsWith("https://"))) {
            throw new IllegalArgumentException("otlpEndpoint must be an http(s) URL, was " + otlpEndpoint);
        }
        this.otlpEndpoint = otlpEndpoint;
        return this;
    }

    public String getOtlpProtocol() {
        return otlpProtocol;
    }

    /** Sets the OTLP protocol: {@value #GRPC} or {@value #HTTP_PROTOBUF}. */
    public ObservabilityOptions setOtlpProtocol(String otlpProtocol) {
        if (!GRPC.equals(otlpProtocol) && !HTTP_PROTOBUF.equals(otlpProtocol)) {
            throw new IllegalArgumentException("otlpProtocol must be " + GRPC + " or " + HTTP_PROTOBUF + ", was "
                    + otlpProtocol);
        }
        this.otlpProtocol = otlpProtocol;
        return this;
    }

    public String getServiceName() {
        return serviceName;
    }

    /** Sets the {@code service.name} spans carry. */
    public ObservabilityOptions setServiceName(String serviceName) {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalArgumentException("serviceName must not be blank");
        }
        this.serviceName = serviceName;
        return this;
    }

    public String getMetricsRegistry() {
        return metricsRegistry;
    }

    /** Sets the Micrometer registry name; the control plane's {@code metricsRegistry} must match. */
    public ObservabilityOptions setMetricsRegistry(String metricsRegistry) {
        if (metricsRegistry == null || metricsRegistry.isBlank()) {
            throw new IllegalArgumentException("metricsRegistry must not be blank");
        }
        this.metricsRegistry = metricsRegistry;
        return this;
    }

    public JsonObject toJson() {
        return new JsonObject().put("metrics", metrics).put("tracing", tracing).put("otlpEndpoint", otlpEndpoint)
                .put("otlpProtocol", otlpProtocol).put("serviceName", serviceName).put("metricsRegistry", metricsRegistry);
    }
}
