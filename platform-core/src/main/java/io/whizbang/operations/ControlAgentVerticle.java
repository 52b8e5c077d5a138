package io.whizbang.operations;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.Objects;

/**
 * A {@link ControlAgent} as a verticle, for services deployed as verticles: it answers control commands on its own
 * event loop from start to stop.
 *
 * <pre>{@code
 * vertx.deployVerticle(new ControlAgentVerticle("projections", projections.rebuilder()));
 * }</pre>
 */
public final class ControlAgentVerticle extends VerticleBase {
    private final String service;
    private final PerspectiveRebuilder rebuilder;
    private final ControlAddresses addresses;
    private ControlAgent agent;

    /** The agent of a service that runs no perspectives, on the default addresses. */
    public ControlAgentVerticle(String service) {
        this(service, null, ControlAddresses.defaults());
    }

    /** The agent of a service that runs perspectives, on the default addresses. */
    public ControlAgentVerticle(String service, PerspectiveRebuilder rebuilder) {
        this(service, rebuilder, ControlAddresses.defaults());
    }

    /** The agent of a service, with the perspectives it runs ({@code null} for none), on the addresses. */
    public ControlAgentVerticle(String service, PerspectiveRebuilder rebuilder, ControlAddresses addresses) {
        this.service = Objects.requireNonNull(service, "service");
        this.rebuilder = rebuilder;
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    public Future<?> start() {
        return ControlAgent.create(vertx, service).addresses(addresses).rebuilder(rebuilder).start()
                .onSuccess(started -> agent = started);
    }

    @Override
    public Future<?> stop() {
        return agent == null ? Future.succeededFuture() : agent.stop();
    }

    /** The agent; available once started. */
    public ControlAgent agent() {
        if (agent == null) {
            throw new IllegalStateException("the control agent of " + service + " is not started");
        }
        return agent;
    }
}
