package io.whizbang.eventstore;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerEndpoint;

import java.util.Objects;

/**
 * Serves a ledger on the event bus: {@code <prefix>.ledger.append}, {@code .readStream}, {@code .readAll} and
 * {@code .head} answer JSON requests, and {@code <prefix>.ledger.appended} is published with the head position
 * whenever new events commit. {@link io.whizbang.ledger.LedgerClient} is the other end.
 *
 * <p>The ledger belongs to whoever deployed the verticle: undeploying stops serving it but does not close it.
 */
public final class LedgerVerticle extends VerticleBase {
    private final Ledger ledger;
    private final LedgerVerticleOptions options;
    private LedgerEndpoint endpoint;

    public LedgerVerticle(Ledger ledger, LedgerVerticleOptions options) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Future<?> start() {
        return LedgerEndpoint.serve(vertx, ledger, options.getAddressPrefix())
                .onSuccess(served -> endpoint = served);
    }

    @Override
    public Future<?> stop() {
        return endpoint == null ? Future.succeededFuture() : endpoint.close();
    }
}
