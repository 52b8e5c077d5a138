package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.PermanentException;
import io.whizbang.error.TransientException;
import io.whizbang.impl.projection.ActiveGenerationStore;
import io.whizbang.impl.runtime.PerspectiveSlot;
import io.whizbang.impl.runtime.RunnerSettings;
import io.whizbang.ledger.Ledger;
import io.whizbang.operations.PerspectiveRebuilder;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DeadLetterStore;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.ReadYourWrites;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.Registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Runs every perspective of a registry in this JVM: each from its checkpoint, catch-up then live, committing its
 * documents and checkpoint together; reports their health, parks events their handlers keep failing on, and
 * rebuilds a perspective beside the live one (blue/green).
 *
 * <p>A local dispatcher's lenses follow a rebuilt perspective to its new generation by themselves: the dispatcher
 * reads through the same routing as {@link #lensStore()}, switched by the {@code activated} publication at its
 * address prefix (keep the dispatcher's and the projections' prefixes equal). Other readers of the store use
 * {@link #lensStore()} or {@link #lensStore(Vertx, ProjectionStore, String)}. The operations are served on the
 * event bus by a {@link ProjectionsEndpoint}.
 */
public final class Projections {
    /** Default number of events a perspective handles per transaction. */
    public static final int DEFAULT_BATCH_SIZE = ProjectionsOptions.DEFAULT_BATCH_SIZE;

    private final Vertx vertx;
    private final Ledger ledger;
    private final ProjectionsOptions options;
    private final Map<String, PerspectiveSlot<?>> slots;
    private final ActiveGenerationStore lenses;
    private final DeadLetterStore deadLetters;
    private long healthTimer = -1;

    private Projections(Vertx vertx, Ledger ledger, ProjectionsOptions options, Map<String, PerspectiveSlot<?>> slots,
                        ActiveGenerationStore lenses, DeadLetterStore deadLetters) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.options = options;
        this.slots = slots;
        this.lenses = lenses;
        this.deadLetters = deadLetters;
    }

    /** Starts every perspective of the registry with the default options. */
    public static Future<Projections> start(Vertx vertx, Registry registry, Ledger ledger, ProjectionStore store) {
        return start(vertx, registry, ledger, store, new ProjectionsOptions());
    }

    /**
     * Starts every perspective of the registry; {@code INVALID_ARGUMENT} when an inline perspective is not one of
     * the registry's.
     */
    public static Future<Projections> start(Vertx vertx, Registry registry, Ledger ledger, ProjectionStore store,
                                            ProjectionsOptions options) {
        Objects.requireNonNull(options, "options");
        for (String name : options.getInline()) {
            if (registry.perspectives().stream().noneMatch(binding -> binding.name().equals(name))) {
                return Future.failedFuture(PermanentException.invalid("inline perspective " + name
                        + " is not a perspective of " + registry.name()));
            }
        }
        DeadLetterStore deadLetters = options.getDeadLetters() == null ? DeadLetterStore.memory()
                : options.getDeadLetters();
        RunnerSettings settings = new RunnerSettings(options.getBatchSize(), options.getCatchUpEvents(),
                options.getCatchUpDocuments(), options.getCachedDocuments(), options.getClock(),
                options.getRetryPolicy(), options.getThroughputWindowMillis(), deadLetters);
        ProjectionsAddresses addresses = new ProjectionsAddresses(options.getAddressPrefix());
        ActiveGenerationStore lenses = new ActiveGenerationStore(vertx, store, null);
        Map<String, PerspectiveSlot<?>> slots = new LinkedHashMap<>();
        for (PerspectiveBinding<?> binding : registry.perspectives()) {
            slots.put(binding.name(), new PerspectiveSlot<>(vertx, binding, ledger, store, registry.codecs(),
                    settings, lenses, addresses.activated(), options.getRetiredGenerationGraceMillis(),
                    options.getInline().contains(binding.name())));
        }
        Projections projections = new Projections(vertx, ledger, options, slots, lenses, deadLetters);
        return Future.all(slots.values().stream().map(PerspectiveSlot::start).toList())
                .map(done -> projections.startHealthChecks());
    }

    /**
     * A view of the store for lenses in a process that does not run the perspectives, such as a dispatcher beside
     * a remote projections service: reads go to each perspective's active generation, followed through the
     * {@code activated} publications at the prefix's {@link ProjectionsAddresses}.
     */
    public static ProjectionStore lensStore(Vertx vertx, ProjectionStore store, String addressPrefix) {
        return new ActiveGenerationStore(vertx, store, new ProjectionsAddresses(addressPrefix).activated());
    }

    private Projections startHealthChecks() {
        if (options.getHealthCheckMillis() > 0) {
            healthTimer = vertx.setPeriodic(options.getHealthCheckMillis(), id -> health());
        }
        return this;
    }

    /** The store as lenses must read it: each perspective's reads go to its active generation. */
    public ProjectionStore lensStore() {
        return lenses;
    }

    /** The store events are parked in. */
    public DeadLetterStore deadLetterStore() {
        return deadLetters;
    }

    /** The names of the perspectives, in the registry's order. */
    public List<String> perspectives() {
        return List.copyOf(slots.keySet());
    }

    /** Completes when every perspective has committed every event up to the global position. */
    public Future<Void> caughtUp(long position) {
        return Future.all(slots.values().stream().map(slot -> slot.caughtUp(position)).toList()).mapEmpty();
    }

    /** Where each perspective stands, for status displays and health. */
    public List<PerspectiveStatus> statuses() {
        List<PerspectiveStatus> statuses = new ArrayList<>();
        for (PerspectiveSlot<?> slot : slots.values()) {
            Throwable failure = slot.active().failure();
            statuses.add(new PerspectiveStatus(slot.name(), slot.active().position(),
                    failure == null ? null : String.valueOf(failure.getMessage())));
        }
        return statuses;
    }

    /** The health of every perspective, measured now against the ledger's head. */
    public Future<List<PerspectiveHealth>> health() {
        Duration stallAfter = Duration.ofMillis(options.getStallAfterMillis());
        return ledger.head().compose(head -> {
            List<Future<PerspectiveHealth>> each = slots.values().stream()
                    .map(slot -> slot.health(head, stallAfter)).toList();
            return Future.all(each).map(done -> each.stream().map(Future::result).toList());
        });
    }

    /** The health of one perspective; {@code NOT_FOUND} for a name that is not one. */
    public Future<PerspectiveHealth> health(String perspective) {
        try {
            PerspectiveSlot<?> slot = slot(perspective);
            return ledger.head().compose(head -> slot.health(head,
                    Duration.ofMillis(options.getStallAfterMillis())));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /**
     * Starts rebuilding the perspective beside its live generation and answers its health with the rebuild's
     * progress; {@code NOT_FOUND} for an unknown perspective, {@code CONFLICT} while a rebuild of it runs.
     */
    public Future<PerspectiveHealth> rebuild(String perspective) {
        try {
            return slot(perspective).rebuild().compose(started -> health(perspective));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** Every dead letter of the perspective, parked and resolved, in position order. */
    public Future<List<DeadLetter>> deadLetters(String perspective) {
        try {
            return deadLetters.list(slot(perspective).name());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /**
     * Runs the parked event through the perspective's handler again, committing its documents, and marks it retried;
     * {@code CONFLICT} when it fails again (it stays parked) or is already resolved, {@code NOT_FOUND} when there
     * is no letter at the position.
     */
    public Future<DeadLetter> retry(String perspective, long position) {
        try {
            return slot(perspective).retry(position);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** Marks the parked event skipped: it is never applied. {@code NOT_FOUND} / {@code CONFLICT} as for retry. */
    public Future<DeadLetter> skip(String perspective, long position) {
        try {
            return slot(perspective).skip(position);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /**
     * What a dispatcher in this JVM waits for before it answers a command: the inline perspectives' commit of the
     * command's position, at most the options' inline timeout ({@code TIMEOUT} after it). Succeeds at once when no
     * perspective is inline.
     */
    public ReadYourWrites readYourWrites() {
        List<PerspectiveSlot<?>> inline = slots.values().stream().filter(PerspectiveSlot::inline).toList();
        if (inline.isEmpty()) {
            return ReadYourWrites.none();
        }
        long timeout = options.getInlineTimeoutMillis();
        return position -> {
            Promise<Void> reached = Promise.promise();
            long timer = vertx.setTimer(timeout, id -> reached.tryFail(TransientException.timeout(
                    "the inline perspectives' commit of position " + position, timeout)));
            Future.all(inline.stream().map(slot -> slot.caughtUp(position)).toList()).onComplete(done -> {
                vertx.cancelTimer(timer);
                if (done.succeeded()) {
                    reached.tryComplete();
                } else {
                    reached.tryFail(done.cause());
                }
            });
            return reached.future();
        };
    }

    /**
     * The perspectives as a {@link io.whizbang.operations.ControlAgent} rebuilds them on a broadcast control
     * command; the report is the perspective's health with the rebuild's progress.
     */
    public PerspectiveRebuilder rebuilder() {
        return new PerspectiveRebuilder() {
            @Override
            public Set<String> perspectives() {
                return new LinkedHashSet<>(slots.keySet());
            }

            @Override
            public Future<JsonObject> rebuild(String perspective) {
                return Projections.this.rebuild(perspective).map(PerspectiveHealth::toJson);
            }
        };
    }

    /** Stops every perspective after its batch in hand. */
    public Future<Void> stop() {
        if (healthTimer >= 0) {
            vertx.cancelTimer(healthTimer);
        }
        return Future.all(slots.values().stream().map(PerspectiveSlot::stop).toList())
                .compose(done -> lenses.close());
    }

    private PerspectiveSlot<?> slot(String perspective) {
        PerspectiveSlot<?> slot = perspective == null ? null : slots.get(perspective);
        if (slot == null) {
            throw PermanentException.notFound("no perspective named " + perspective + " runs here; known: "
                    + String.join(", ", slots.keySet()));
        }
        return slot;
    }
}
