package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.ledger.Ledger;

import java.util.function.Function;

/**
 * Runs a {@link KafkaInbox}: consumes the configured topics and feeds each message once to a dispatcher over the
 * ledger.
 */
public final class KafkaInboxVerticle extends VerticleBase {
    private final Ledger ledger;
    private final Function<Ledger, Dispatcher> dispatchers;
    private final KafkaInboxOptions options;
    private KafkaInbox inbox;

    /**
     * @param ledger      the ledger (it must keep an inbox)
     * @param dispatchers makes the dispatcher over the ledger view it is given, e.g.
     *                    {@code l -> Dispatcher.create(vertx, registry, l, store)}
     * @param options     the consumer's options
     */
    public KafkaInboxVerticle(Ledger ledger, Function<Ledger, Dispatcher> dispatchers, KafkaInboxOptions options) {
        this.ledger = ledger;
        this.dispatchers = dispatchers;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        return KafkaInbox.start(vertx, ledger, dispatchers, options).onSuccess(started -> inbox = started);
    }

    @Override
    public Future<?> stop() {
        return inbox == null ? Future.succeededFuture() : inbox.stop();
    }

    /** The running inbox, for its counters; {@code null} before start. */
    public KafkaInbox inbox() {
        return inbox;
    }
}
