package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.health.HealthServer;

import java.util.Objects;

/**
 * The desktop gateway: for now it answers {@code GET /health} and {@code GET /ready} over HTTP/1.1;
 * gRPC, with {@code grpc.health.v1.Health}, arrives later.
 */
public final class DesktopGatewayVerticle extends VerticleBase {
    private final DesktopGatewayOptions options;
    private HealthServer server;

    public DesktopGatewayVerticle(DesktopGatewayOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Future<?> start() {
        return HealthServer.start(vertx, options).onSuccess(started -> server = started);
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** The port it listens on, the one picked when the options asked for port 0; available once started. */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the desktop gateway is not started");
        }
        return server.actualPort();
    }
}
