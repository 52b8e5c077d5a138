package io.whizbang.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.health.HealthServer;

import java.util.Objects;

/**
 * A verticle that serves one HTTP service on its port, with {@code GET /health} and {@code GET /ready}: the common
 * life of the gateways and the control plane.
 */
public abstract class HttpServiceVerticle extends VerticleBase {
    private final String name;
    private final HttpServiceOptions<?> options;
    private HealthServer server;

    protected HttpServiceVerticle(String name, HttpServiceOptions<?> options) {
        this.name = Objects.requireNonNull(name, "name");
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
            throw new IllegalStateException(name + " is not started");
        }
        return server.actualPort();
    }
}
