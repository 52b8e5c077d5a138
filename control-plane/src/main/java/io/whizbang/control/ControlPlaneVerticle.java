package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.health.HealthServer;

import java.util.Objects;

/**
 * The control plane: for now it answers {@code GET /health} and {@code GET /ready} over HTTP/1.1;
 * control commands and the dashboard arrive later.
 */
public final class ControlPlaneVerticle extends VerticleBase {
    private final ControlPlaneOptions options;
    private HealthServer server;

    public ControlPlaneVerticle(ControlPlaneOptions options) {
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
            throw new IllegalStateException("the control plane is not started");
        }
        return server.actualPort();
    }
}
