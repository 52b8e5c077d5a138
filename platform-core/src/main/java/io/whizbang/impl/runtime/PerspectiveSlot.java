package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.error.PermanentException;
import io.whizbang.impl.projection.ActiveGenerationStore;
import io.whizbang.impl.projection.Generations;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DroppableCollections;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.runtime.PerspectiveHealth;
import io.whizbang.runtime.PerspectiveState;
import io.whizbang.runtime.RebuildProgress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One perspective with its generations: the live one that lenses read, and, during a rebuild, a new one built
 * beside it from position 0 that takes over once it has reached the ledger's head (blue/green).
 *
 * <p>The takeover stops the live generation after its batch in hand, lets the new one reach the same position,
 * records the new generation as active in the store and only then switches lens reads, so readers never see the
 * model go back. The replaced generation's documents are dropped after a grace period, when the store can drop
 * collections.
 */
public final class PerspectiveSlot<M> {
    private static final Logger LOG = Logger.getLogger(PerspectiveSlot.class.getName());

    private final Vertx vertx;
    private final PerspectiveBinding<M> binding;
    private final Ledger ledger;
    private final ProjectionStore store;
    private final Codecs codecs;
    private final RunnerSettings settings;
    private final ActiveGenerationStore lenses;
    private final String activatedAddress;
    private final long retiredGraceMillis;
    private final boolean inline;
    private volatile PerspectiveRunner<M> active;
    private volatile int activeGeneration;
    private volatile PerspectiveRunner<M> rebuilding;
    private volatile int rebuildGeneration;
    private boolean takingOver;

    public PerspectiveSlot(Vertx vertx, PerspectiveBinding<M> binding, Ledger ledger, ProjectionStore store,
                           Codecs codecs, RunnerSettings settings, ActiveGenerationStore lenses,
                           String activatedAddress, long retiredGraceMillis, boolean inline) {
        this.vertx = vertx;
        this.binding = binding;
        this.ledger = ledger;
        this.store = store;
        this.codecs = codecs;
        this.settings = settings;
        this.lenses = lenses;
        this.activatedAddress = activatedAddress;
        this.retiredGraceMillis = retiredGraceMillis;
        this.inline = inline;
    }

    /** Starts the active generation from its checkpoint, and resumes a rebuild a restart interrupted. */
    public Future<Void> start() {
        Future<Long> activeStored = store.checkpoint(Generations.activeKey(name()));
        Future<Long> rebuildStored = store.checkpoint(Generations.rebuildingKey(name()));
        return Future.all(activeStored, rebuildStored).compose(read -> {
            int live = (int) (long) activeStored.result();
            int next = (int) (long) rebuildStored.result();
            activeGeneration = live;
            rebuildGeneration = Math.max(live, next);
            active = runner(live);
            lenses.activate(name(), live);
            Future<Void> started = active.start();
            if (next > live) {
                LOG.info("perspective " + name() + " resumes its rebuild of generation " + next);
                synchronized (this) {
                    rebuilding = runner(next);
                }
                started = started.compose(done -> startRebuild(rebuilding));
            }
            return live > 0 ? started.compose(done -> drop(Generations.collection(name(), live - 1)))
                    : started;
        });
    }

    /** The perspective's name. */
    public String name() {
        return binding.name();
    }

    /** Whether commands wait for this perspective before they are answered. */
    public boolean inline() {
        return inline;
    }

    /** The runner of the generation lenses read. */
    public PerspectiveRunner<M> active() {
        return active;
    }

    /** Completes when the live generation has committed the position, whichever generation is live by then. */
    public Future<Void> caughtUp(long position) {
        PerspectiveRunner<M> live = active;
        return live.caughtUp(position).recover(failure -> failure instanceof PerspectiveRunner.Retired
                ? caughtUp(position) : Future.failedFuture(failure));
    }

    /**
     * Starts building a new generation from position 0 beside the live one; {@code CONFLICT} while a rebuild runs.
     * A failed rebuild is replaced by the new one.
     */
    public Future<Void> rebuild() {
        PerspectiveRunner<M> failed;
        PerspectiveRunner<M> next;
        int generation;
        synchronized (this) {
            if (rebuilding != null && rebuilding.failure() == null) {
                return Future.failedFuture(PermanentException.conflict("perspective " + name()
                        + " is already being rebuilt (generation " + rebuildGeneration + ", at position "
                        + rebuilding.position() + ")"));
            }
            failed = rebuilding;
            rebuildGeneration = Math.max(activeGeneration, rebuildGeneration) + 1;
            generation = rebuildGeneration;
            next = runner(generation);
            rebuilding = next;
        }
        Future<Void> cleared = failed == null ? Future.succeededFuture()
                : failed.retire().compose(done -> drop(failed.collection()));
        return cleared
                .compose(done -> drop(next.collection()))
                .compose(done -> store.commit(new ProjectionCommit(Generations.rebuildingKey(name()), List.of(),
                        generation)))
                .compose(done -> startRebuild(next))
                .onSuccess(done -> LOG.info("perspective " + name() + " rebuilds as generation " + generation))
                .onFailure(cause -> {
                    synchronized (this) {
                        if (rebuilding == next) {
                            rebuilding = null;
                        }
                    }
                });
    }

    private Future<Void> startRebuild(PerspectiveRunner<M> next) {
        next.rebuilding(true);
        next.onCommitted(position -> checkTakeover(next));
        return next.start().onSuccess(done -> checkTakeover(next));
    }

    private void checkTakeover(PerspectiveRunner<M> next) {
        synchronized (this) {
            if (next != rebuilding || takingOver) {
                return;
            }
        }
        ledger.head().onSuccess(head -> {
            if (next.position() >= head) {
                takeover(next);
            }
        });
    }

    private void takeover(PerspectiveRunner<M> next) {
        PerspectiveRunner<M> old;
        int generation;
        synchronized (this) {
            if (takingOver || next != rebuilding) {
                return;
            }
            takingOver = true;
            old = active;
            generation = rebuildGeneration;
        }
        old.stop()
                .compose(stopped -> next.caughtUp(old.position()))
                .compose(reached -> store.commit(new ProjectionCommit(Generations.activeKey(name()), List.of(),
                        generation)))
                .onComplete(done -> {
                    if (done.failed()) {
                        LOG.log(Level.WARNING, "perspective " + name() + " could not switch to generation "
                                + generation + "; the live generation goes on", done.cause());
                        PerspectiveRunner<M> again = runner(activeGeneration);
                        synchronized (this) {
                            active = again;
                            takingOver = false;
                        }
                        again.start();
                        old.retire();
                        return;
                    }
                    synchronized (this) {
                        active = next;
                        activeGeneration = generation;
                        rebuilding = null;
                        takingOver = false;
                    }
                    next.onCommitted(position -> { });
                    next.rebuilding(false);
                    lenses.activate(name(), generation);
                    vertx.eventBus().publish(activatedAddress, new JsonObject().put("perspective", name())
                            .put("generation", generation).put("collection", next.collection()));
                    LOG.info("perspective " + name() + " switched to generation " + generation + " at position "
                            + next.position());
                    old.retire().onComplete(retired -> dropLater(old.collection()));
                });
    }

    private void dropLater(String collection) {
        if (retiredGraceMillis == 0) {
            drop(collection);
        } else {
            vertx.setTimer(retiredGraceMillis, id -> drop(collection));
        }
    }

    private Future<Void> drop(String collection) {
        if (!(store instanceof DroppableCollections droppable)) {
            return Future.succeededFuture();
        }
        return droppable.dropCollection(collection).recover(failure -> {
            LOG.log(Level.WARNING, "could not drop the replaced generation " + collection + "; it stays unread",
                    failure);
            return Future.succeededFuture();
        });
    }

    /**
     * Retries a parked event through the live generation; {@code CONFLICT} while a rebuild runs, since the
     * rebuilding generation handles the event again itself (with the handler of now) and re-parks it if it still
     * fails.
     */
    public Future<DeadLetter> retry(long position) {
        PerspectiveRunner<M> next = rebuilding;
        if (next != null && next.failure() == null) {
            return Future.failedFuture(PermanentException.conflict("perspective " + name() + " is being rebuilt"
                    + " (generation " + rebuildGeneration + "); the rebuild handles the event at position " + position
                    + " again and parks it again if it still fails: retry once the rebuild has taken over"));
        }
        return active.retry(position);
    }

    /** Skips a parked event: the letter stays, marked skipped. */
    public Future<DeadLetter> skip(long position) {
        return settings.deadLetters().resolve(name(), position, DeadLetter.Status.SKIPPED,
                settings.clock().instant());
    }

    /** The perspective's health against the ledger's head. */
    public Future<PerspectiveHealth> health(long head, Duration stallAfter) {
        PerspectiveRunner<M> live = active;
        PerspectiveRunner<M> next = rebuilding;
        int generation = activeGeneration;
        int nextGeneration = rebuildGeneration;
        long position = live.position();
        boolean stalled = live.observeStall(head, stallAfter);
        Instant now = settings.clock().instant();
        Future<Double> lagSeconds = head <= position ? Future.succeededFuture(0.0)
                : ledger.readAll(position, 1).map(events -> events.isEmpty() ? 0.0
                        : Math.max(0, Duration.between(events.get(0).timestamp(), now).toMillis() / 1000.0));
        Future<Long> parked = settings.deadLetters().list(name())
                .map(letters -> letters.stream().filter(DeadLetter::isParked).count());
        return Future.all(lagSeconds, parked).map(done -> {
            PerspectiveState state;
            if (live.failure() != null) {
                state = PerspectiveState.FAILED;
            } else if (stalled) {
                state = PerspectiveState.STALLED;
            } else if (next != null) {
                state = PerspectiveState.REBUILDING;
            } else if (head - position > settings.batchSize()) {
                state = PerspectiveState.CATCHING_UP;
            } else {
                state = PerspectiveState.RUNNING;
            }
            RebuildProgress progress = next == null ? null : new RebuildProgress(nextGeneration, next.position(),
                    head, next.failure() == null ? null : String.valueOf(next.failure().getMessage()));
            return new PerspectiveHealth(name(), state, generation, position, head, Math.max(0, head - position),
                    lagSeconds.result(), live.throughput(), live.errors(), parked.result(), inline,
                    live.failure() == null ? null : String.valueOf(live.failure().getMessage()), progress);
        });
    }

    /** Stops every generation after its batch in hand. */
    public Future<Void> stop() {
        PerspectiveRunner<M> next = rebuilding;
        return Future.all(active.stop(), next == null ? Future.succeededFuture() : next.stop()).mapEmpty();
    }

    private PerspectiveRunner<M> runner(int generation) {
        return new PerspectiveRunner<>(vertx, binding, Generations.collection(name(), generation), ledger, store,
                codecs, settings);
    }
}
