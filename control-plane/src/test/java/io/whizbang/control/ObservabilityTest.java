package io.whizbang.control;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClient;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.testing.SampleBackend;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics and tracing set up when Vert.x is created: Vert.x's own meters reach the control plane's {@code /metrics},
 * and one dashboard request is one trace from the HTTP server through the event bus to the dispatcher, its server
 * span carrying the correlation id.
 */
class ObservabilityTest {
    @TempDir
    Path dataDir;

    private Vertx vertx;

    @AfterEach
    void close() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    @Test
    void oneDashboardRequestIsOneTraceAcrossHttpAndTheEventBusCarryingTheCorrelationId() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        vertx = Observability.builder(new VertxOptions(), new ObservabilityOptions().setTracing(true)
                .setMetricsRegistry("observability-test"), SimpleSpanProcessor.create(spans)).build();
        DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
        await(SampleBackend.start(vertx));
        ControlPlaneVerticle controlPlane = new ControlPlaneVerticle(new ControlPlaneOptions().setHost("localhost")
                .setPort(0).setMetricsRegistry("observability-test").setTokens(TokenVerifierOptions.development(key)));
        await(vertx.deployVerticle(controlPlane));
        String token = DevelopmentTokens.mint(Principal.of("alice", "acme", Principal.ADMIN_SCOPE),
                Duration.ofMinutes(5), key, Clock.systemUTC());
        spans.reset();

        int status = await(WebClient.create(vertx).get(controlPlane.actualPort(), "localhost",
                        "/api/control/streams/Order-1/state").putHeader("Authorization", "Bearer " + token)
                .putHeader("X-Correlation-Id", "journey-42").send()).statusCode();

        assertThat(status).isEqualTo(404);
        Awaitility.await().untilAsserted(() -> {
            List<SpanData> finished = spans.getFinishedSpanItems();
            SpanData server = finished.stream().filter(span -> span.getKind() == SpanKind.SERVER
                    && "journey-42".equals(span.getAttributes().get(Observability.CORRELATION_ID))).findFirst()
                    .orElseThrow();
            List<SpanData> sameTrace = finished.stream()
                    .filter(span -> span.getTraceId().equals(server.getTraceId())).toList();
            AttributeKey<String> destination = AttributeKey.stringKey("messaging.destination.name");
            // the control plane's request on the bus, and the dispatcher's handling of it, under the HTTP span
            assertThat(sameTrace).filteredOn(span -> "whizbang.streams.state".equals(span.getAttributes()
                    .get(destination))).extracting(SpanData::getKind)
                    .containsExactlyInAnyOrder(SpanKind.CLIENT, SpanKind.SERVER);
        });
    }

    @Test
    void theDispatchersSpanOfACommandCarriesItsCorrelationId() {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        vertx = Observability.builder(new VertxOptions(), new ObservabilityOptions().setTracing(true)
                .setMetricsRegistry("command-trace-test"), SimpleSpanProcessor.create(spans)).build();
        SampleBackend backend = await(SampleBackend.start(vertx));
        await(vertx.deployVerticle(new ControlPlaneVerticle(new ControlPlaneOptions().setHost("localhost").setPort(0)
                .setMetricsRegistry("command-trace-test")
                .setTokens(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(dataDir))))));
        Dispatcher dispatcher = Dispatcher.remote(vertx, backend.registry().codecs(), new DispatcherOptions());

        // a gateway-like HTTP server sends the command while its request's span is current
        int port = await(vertx.createHttpServer().requestHandler(request -> dispatcher.send(
                        Principal.of("alice", "acme", "inventory:write"), new RestockItem("SKU-9", 5))
                .onComplete(sent -> request.response().end(sent.succeeded()
                        ? sent.result().correlationId().toString() : "failed"))).listen(0)).actualPort();

        String correlationId = await(WebClient.create(vertx).get(port, "localhost", "/").send()).bodyAsString();

        Awaitility.await().untilAsserted(() -> assertThat(spans.getFinishedSpanItems()).anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")))
                    .isEqualTo("whizbang.commands");
            assertThat(span.getAttributes().get(Observability.CORRELATION_ID))
                    .isEqualTo(correlationId);
        }));
    }

    @Test
    void vertxMetricsAreServedBesideWhizbangsAtMetrics() {
        vertx = Observability.builder(new VertxOptions(), new ObservabilityOptions()
                .setMetricsRegistry("metrics-test")).build();
        ControlPlaneVerticle controlPlane = new ControlPlaneVerticle(new ControlPlaneOptions().setHost("localhost")
                .setPort(0).setMetricsRegistry("metrics-test")
                .setTokens(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(dataDir))));
        await(vertx.deployVerticle(controlPlane));
        WebClient client = WebClient.create(vertx);
        await(client.get(controlPlane.actualPort(), "localhost", "/health").send());

        Awaitility.await().untilAsserted(() -> {
            String metrics = await(client.get(controlPlane.actualPort(), "localhost", "/metrics").send())
                    .bodyAsString();
            assertThat(metrics).contains("vertx_http_server_requests_total").contains("whizbang_ledger_head");
        });
    }

    @Test
    void tracingIsOffByDefaultAndItsExporterIsConfigurable() {
        assertThat(new ObservabilityOptions().isTracing()).isFalse();
        ObservabilityOptions options = new ObservabilityOptions().setTracing(true)
                .setOtlpProtocol(ObservabilityOptions.HTTP_PROTOBUF).setOtlpEndpoint("http://collector:4318/v1/traces");
        assertThat(new ObservabilityOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> options.setOtlpProtocol("carrier-pigeon"))
                .isInstanceOf(IllegalArgumentException.class);
        // an exporter to a collector that is not there never fails the application
        vertx = Observability.builder(new VertxOptions(), options).build();
        assertThat(await(vertx.createHttpServer().requestHandler(r -> r.response().end()).listen(0)).actualPort())
                .isPositive();
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not succeed: " + e, e);
        }
    }

}
