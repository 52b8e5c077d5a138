package io.whizbang.control;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;

/**
 * Sets up metrics and tracing where they must be set: when the Vert.x instance is created.
 *
 * <pre>{@code
 * Vertx vertx = Observability.builder(new VertxOptions(), new ObservabilityOptions().setTracing(true)).build();
 * }</pre>
 *
 * <p>Metrics: Vert.x's own (HTTP, event bus, pools) go to a Prometheus registry named as the options say, which the
 * {@link ControlPlaneVerticle} finds and serves at {@code /metrics} beside Whizbang's meters. Tracing: Vert.x's
 * OpenTelemetry tracer spans HTTP requests and event-bus messages, propagating W3C {@code traceparent} so the spans
 * of one request link across the gateways, the dispatcher and the ledger; spans go to an OTLP collector.
 */
public final class Observability {
    /** The span attribute that carries the Whizbang correlation id. */
    public static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("whizbang.correlation_id");

    private Observability() {
    }

    /** A Vert.x builder with the options' metrics and tracing, exporting spans over OTLP. */
    public static VertxBuilder builder(VertxOptions vertxOptions, ObservabilityOptions options) {
        if (!options.isTracing()) {
            return builder(vertxOptions, options, null);
        }
        SpanExporter exporter = ObservabilityOptions.HTTP_PROTOBUF.equals(options.getOtlpProtocol())
                ? OtlpHttpSpanExporter.builder().setEndpoint(options.getOtlpEndpoint()).build()
                : OtlpGrpcSpanExporter.builder().setEndpoint(options.getOtlpEndpoint()).build();
        return builder(vertxOptions, options, BatchSpanProcessor.builder(exporter).build());
    }

    /** A Vert.x builder with the options' metrics and, when tracing is on, spans handed to the processor. */
    public static VertxBuilder builder(VertxOptions vertxOptions, ObservabilityOptions options,
                                       SpanProcessor spans) {
        VertxOptions copy = new VertxOptions(vertxOptions);
        VertxBuilder builder;
        if (options.isMetrics()) {
            MicrometerMetricsOptions metrics = new MicrometerMetricsOptions().setEnabled(true)
                    .setRegistryName(options.getMetricsRegistry())
                    .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
            copy.setMetricsOptions(metrics);
            builder = Vertx.builder().with(copy).withMetrics(new MicrometerMetricsFactory());
        } else {
            builder = Vertx.builder().with(copy);
        }
        if (options.isTracing() && spans != null) {
            copy.setTracingOptions(new OpenTelemetryOptions());
            builder = builder.with(copy).withTracer(new OpenTelemetryTracingFactory(openTelemetry(options, spans)));
        }
        return builder;
    }

    /** The OpenTelemetry SDK of the options, with W3C trace-context propagation. */
    static OpenTelemetry openTelemetry(ObservabilityOptions options, SpanProcessor spans) {
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
                AttributeKey.stringKey("service.name"), options.getServiceName())));
        return OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setResource(resource).addSpanProcessor(spans).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    /** Tags the current span, if any, with the correlation id, so a trace can be found from a journey. */
    public static void tagCorrelation(String correlationId) {
        Span span = Span.current();
        if (span.getSpanContext().isValid()) {
            span.setAttribute(CORRELATION_ID, correlationId);
        }
    }
}
