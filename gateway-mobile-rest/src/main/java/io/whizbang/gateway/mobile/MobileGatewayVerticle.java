package io.whizbang.gateway.mobile;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.health.HealthRoutes;
import io.whizbang.health.ReadinessProbe;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerClient;
import io.whizbang.security.TokenVerifier;

import java.util.Objects;

/**
 * The mobile gateway: the sample application's REST API for mobile clients over HTTP/1.1 (and gzip), reaching the
 * dispatcher and the ledger only over the event bus, with {@code GET /health} and {@code GET /ready} (ready when the
 * dispatcher answers on the bus).
 *
 * <p>Deploy several instances to serve the port from several event loops.
 */
public final class MobileGatewayVerticle extends VerticleBase {
    private final MobileGatewayOptions options;
    private HttpServer server;
    private Ledger ledger;

    public MobileGatewayVerticle(MobileGatewayOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Future<?> start() {
        if (options.getTokens() == null) {
            return Future.failedFuture(new IllegalStateException("the mobile gateway needs token verification "
                    + "options: set MobileGatewayOptions.setTokens (the development key, or a key or JWKS)"));
        }
        Dispatcher dispatcher = Dispatcher.remote(vertx, SampleApplicationRegistry.create().codecs(),
                new DispatcherOptions().setAddressPrefix(options.getAddressPrefix()));
        ledger = LedgerClient.create(vertx, options.getAddressPrefix());
        HealthRoutes health = HealthRoutes.create(ReadinessProbe.eventBus(vertx, options.getReadinessAddress(),
                options.getReadinessTimeoutMillis()));
        TokenVerifier verifier = TokenVerifier.create(vertx, options.getTokens());
        HttpServerOptions http = new HttpServerOptions().setHost(options.getHost()).setPort(options.getPort())
                .setCompressionSupported(options.isCompressionSupported());
        return vertx.createHttpServer(http)
                .requestHandler(MobileRouter.create(vertx, options, new Backend(dispatcher), ledger, verifier, health))
                .listen()
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.compose(v -> ledger == null ? Future.succeededFuture() : ledger.close());
    }

    /** The port it listens on, the one picked when the options asked for port 0; available once started. */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the mobile gateway is not started");
        }
        return server.actualPort();
    }
}
