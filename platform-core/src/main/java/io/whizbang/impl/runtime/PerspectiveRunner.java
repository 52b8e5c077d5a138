package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.MessageCodec;
import io.whizbang.handler.EventContext;
import io.whizbang.impl.dispatch.EventRecords;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.Subscription;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.PerspectiveBinding;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one perspective: reads the ledger from its checkpoint in global order, hands each event it handles to its
 * generated invoker, and commits the batch's documents with the new checkpoint in one transaction, so a crash
 * replays to the same read model.
 */
public final class PerspectiveRunner<M> {
    private static final Logger LOG = Logger.getLogger(PerspectiveRunner.class.getName());

    private final Vertx vertx;
    private final PerspectiveBinding<M> binding;
    private final Ledger ledger;
    private final ProjectionStore store;
    private final Codecs codecs;
    private final EventRecords records;
    private final int batchSize;
    private final PositionWaiters committed = new PositionWaiters();
    private volatile Subscription subscription;
    private volatile Throwable failure;

    public PerspectiveRunner(Vertx vertx, PerspectiveBinding<M> binding, Ledger ledger, ProjectionStore store,
                             Codecs codecs, int batchSize) {
        this.vertx = vertx;
        this.binding = binding;
        this.ledger = ledger;
        this.store = store;
        this.codecs = codecs;
        this.records = new EventRecords(codecs);
        this.batchSize = batchSize;
    }

    /** Starts from the stored checkpoint. */
    public Future<Void> start() {
        return store.checkpoint(binding.name()).map(position -> {
            committed.reached(position);
            subscription = ledger.subscribe(vertx, position, batchSize, this::handle);
            subscription.completion().onFailure(cause -> {
                failure = cause;
                LOG.log(Level.SEVERE, "perspective " + binding.name() + " stopped at position "
                        + committed.position(), cause);
                committed.fail(cause);
            });
            return null;
        });
    }

    /** The perspective's name. */
    public String name() {
        return binding.name();
    }

    /** The position of the last committed batch. */
    public long position() {
        return committed.position();
    }

    /** Why the perspective stopped, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    /** Completes when the perspective has committed every event up to the position. */
    public Future<Void> caughtUp(long position) {
        return failure != null ? Future.failedFuture(failure) : committed.await(position);
    }

    /** Stops after the batch in hand. */
    public Future<Void> stop() {
        return subscription == null ? Future.succeededFuture() : subscription.cancel();
    }

    private Future<Void> handle(List<RecordedEvent> events) {
        BatchDocuments<M> documents = new BatchDocuments<>(binding.name(), codecs.of(binding.modelType()));
        for (RecordedEvent recorded : events) {
            MessageCodec<?> codec = codecs.byName(recorded.type());
            if (codec == null || !binding.handles(codec.javaType())) {
                continue;
            }
            Envelope<Event> envelope = records.toEnvelope(recorded);
            EventContext context = new EventContext(envelope, recorded.stream(), recorded.version(),
                    recorded.position());
            binding.invoker().apply(envelope.payload(), documents.inTenant(recorded.tenant()), context);
        }
        long last = events.get(events.size() - 1).position();
        return documents.resolve(store)
                .compose(changes -> store.commit(new ProjectionCommit(binding.name(), changes, last)))
                .onSuccess(done -> committed.reached(last));
    }
}
