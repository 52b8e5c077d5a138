package io.whizbang.impl.runtime;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.codec.MessageCodec;
import io.whizbang.error.PermanentException;
import io.whizbang.error.TransientException;
import io.whizbang.handler.Documents;
import io.whizbang.handler.EventContext;
import io.whizbang.impl.dispatch.EventRecords;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.Subscription;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.spi.DeadLetterErrors;
import io.whizbang.registry.PerspectiveBinding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one generation of a perspective: reads the ledger from its checkpoint in global order, hands each event it
 * handles to its generated invoker, and commits the batch's documents with the new checkpoint in one transaction, so
 * a crash replays to the same read model.
 *
 * <p><b>Catch-up, then live.</b> From its checkpoint the runner first catches up in windows: it reads pages two
 * ahead, growing from the batch size to four batches (the ledger reads the next pages while the runner handles), and
 * handles page after page into one {@link CatchUpWindow} until it holds the settings' most events or documents, or a
 * page comes back short (the head is near); it commits the window while it fills the next one. A document touched by
 * many events of a window is loaded and written once. Near the head it subscribes and commits every batch the
 * subscription hands it, for latency.
 *
 * <p>Documents the runner loaded or committed are kept in a bounded {@link DocumentCache}, so they are not loaded
 * again; a document whose JSON did not change is not written again. The cache is emptied whenever the runner cannot
 * vouch for it: a failed commit, a dead-letter retry.
 *
 * <p>A handler that throws on an event is tried again after the retry policy's backoff; after its last try the event
 * is parked as a dead letter and the perspective moves on. What the events before it wrote is committed, what the
 * failing event wrote is not. Batches and dead-letter retries run one after another, so their commits never
 * interleave.
 */
public final class PerspectiveRunner<M> {
    private static final Logger LOG = Logger.getLogger(PerspectiveRunner.class.getName());
    private static final int MAX_ERROR_TEXT = 2000;
    /** Pages asked for beyond the one a catch-up handles: two keep the SQLite ledger's two readers busy meanwhile. */
    private static final int PAGES_AHEAD = 2;

    private final Vertx vertx;
    private final PerspectiveBinding<M> binding;
    private final String collection;
    private final Ledger ledger;
    private final ProjectionStore store;
    private final Codecs codecs;
    private final JsonCodec<M> modelCodec;
    private final EventRecords records;
    private final RunnerSettings settings;
    private final PositionWaiters committed = new PositionWaiters();
    private final SerialQueue queue = new SerialQueue();
    private final AtomicLong errors = new AtomicLong();
    private final Throughput throughput;
    private final DocumentCache cache;
    private final Promise<Void> ended = Promise.promise();
    private Subscription subscription;
    private boolean started;
    private boolean stopping;
    private volatile Throwable failure;
    private volatile Instant lastProgressAt;
    private volatile Instant behindSince;
    private Instant lagGrowingSince;
    private long lastLag;
    private long lagAtWindowStart;
    private volatile LongConsumer onCommitted = position -> { };
    private final Set<Long> parkedHere = ConcurrentHashMap.newKeySet();
    private volatile boolean rebuild;

    /**
     * A runner of the perspective that keeps its documents and checkpoint under {@code collection}, the name of
     * the generation it builds.
     */
    public PerspectiveRunner(Vertx vertx, PerspectiveBinding<M> binding, String collection, Ledger ledger,
                             ProjectionStore store, Codecs codecs, RunnerSettings settings) {
        this.vertx = vertx;
        this.binding = binding;
        this.collection = collection;
        this.ledger = ledger;
        this.store = store;
        this.codecs = codecs;
        this.modelCodec = codecs.of(binding.modelType());
        this.records = new EventRecords(codecs);
        this.settings = settings;
        this.throughput = new Throughput(settings.throughputWindowMillis());
        this.cache = new DocumentCache(settings.cachedDocuments());
        this.lastProgressAt = settings.clock().instant();
        ended.future().onFailure(cause -> {
            failure = cause;
            LOG.log(Level.SEVERE, "perspective " + binding.name() + " (" + collection + ") stopped at position "
                    + committed.position(), cause);
            committed.fail(cause);
        });
    }

    /** Starts from the stored checkpoint of its collection: catches up, then follows the ledger live. */
    public Future<Void> start() {
        return store.checkpoint(collection).map(position -> {
            synchronized (this) {
                started = true;
            }
            committed.reached(position);
            lastProgressAt = settings.clock().instant();
            Context context = vertx.getOrCreateContext();
            context.runOnContext(v -> catchUp(context, new ReadAhead(ledger, position, settings.batchSize(),
                    settings.catchUpPage(), PAGES_AHEAD), Future.succeededFuture()));
            return null;
        });
    }

    /**
     * Fills window after window, each while the one before it commits, until the head is near; then subscribes from
     * the position reached. A window's documents are loaded and changed only once the commit before it succeeded,
     * so it never sees writes that did not commit.
     */
    private void catchUp(Context context, ReadAhead pages, Future<Void> committing) {
        if (isStopping()) {
            committing.onComplete(done -> end(done.cause()));
            return;
        }
        CatchUpWindow<M> window = CatchUpWindow.fill(pages, new BatchDocuments<>(collection, modelCodec, cache),
                settings, this::applyFrom, this::isStopping);
        List<RecordedEvent> events = window.events();
        BatchDocuments<M> documents = window.documents();
        window.filled().onComplete(read -> committing.onComplete(done -> {
            Throwable failed = done.failed() ? done.cause() : read.cause();
            // a stop lets the commit in flight finish; the window filled meanwhile is read again on restart
            if (failed != null || events.isEmpty() || isStopping()) {
                end(failed);
                return;
            }
            BatchDocuments.HandlerFailure handler = documents.handlerFailure();
            Future<Void> settling = queue.submit(() -> settle(events, 0, 1, documents, handler));
            // after a failing handler the rest of the window was settled event by event: read on
            if (read.result() || handler != null) {
                context.runOnContext(v -> catchUp(context, pages, settling));
            } else {
                settling.onComplete(settled -> end(settled.cause()));
            }
        }));
    }

    /** Ends the catch-up: the runner fails, stops, or goes live from the position it committed. */
    private void end(Throwable failed) {
        if (failed != null) {
            ended.tryFail(failed);
            return;
        }
        Subscription live;
        synchronized (this) {
            if (stopping) {
                ended.tryComplete();
                return;
            }
            live = ledger.subscribe(vertx, committed.position(), settings.batchSize(), this::handle);
            subscription = live;
        }
        live.completion().onComplete(done -> {
            if (done.failed()) {
                ended.tryFail(done.cause());
            } else {
                ended.tryComplete();
            }
        });
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    /** The perspective's name. */
    public String name() {
        return binding.name();
    }

    /** The collection and checkpoint name of the generation this runner builds. */
    public String collection() {
        return collection;
    }

    /** The position of the last committed batch. */
    public long position() {
        return committed.position();
    }

    /** Why the perspective stopped, or null while it runs. */
    public Throwable failure() {
        return failure;
    }

    /** Handler failures since start, each failed try counted. */
    public long errors() {
        return errors.get();
    }

    /** Events handled per second over the throughput window ending now. */
    public double throughput() {
        return throughput.perSecond(settings.clock().instant());
    }

    /**
     * Marks this runner as a rebuild's: an event it handles that a dead letter holds as parked (the live generation
     * failed on it; the handler has been fixed since) is marked retried, since the generation that takes over
     * includes it.
     */
    public void rebuilding(boolean rebuild) {
        this.rebuild = rebuild;
    }

    /** Calls the listener, on the runner's context, with the position of each commit. */
    public void onCommitted(LongConsumer listener) {
        this.onCommitted = listener;
    }

    /**
     * Notes where the ledger's head stands now and answers whether the runner is stalled: events wait and it made
     * no progress for {@code stallAfter} (measured from its last commit or from when it was first seen behind,
     * whichever is later), or its lag never shrank between observations for {@code stallAfter} and ended higher
     * (it falls further behind though it moves).
     */
    public synchronized boolean observeStall(long head, Duration stallAfter) {
        Instant now = settings.clock().instant();
        long lag = head - committed.position();
        if (lag <= 0) {
            behindSince = null;
            lagGrowingSince = null;
            lastLag = 0;
            return false;
        }
        // a window in which the lag never shrank; readings close together that see the same lag do not end it
        if (lagGrowingSince == null || lag < lastLag) {
            lagGrowingSince = now;
            lagAtWindowStart = lag;
        }
        lastLag = lag;
        boolean falling = lag > lagAtWindowStart
                && Duration.between(lagGrowingSince, now).compareTo(stallAfter) >= 0;
        Instant since = behindSince;
        if (since == null) {
            behindSince = now;
            return falling;
        }
        Instant progress = lastProgressAt;
        Instant waitingSince = progress.isAfter(since) ? progress : since;
        return falling || Duration.between(waitingSince, now).compareTo(stallAfter) >= 0;
    }

    /** Completes when the runner has committed every event up to the position. */
    public Future<Void> caughtUp(long position) {
        return failure != null ? Future.failedFuture(failure) : committed.await(position);
    }

    /** Stops after the batch (or catch-up window) in hand. */
    public Future<Void> stop() {
        Subscription live;
        synchronized (this) {
            stopping = true;
            live = subscription;
            if (!started) {
                ended.tryComplete();
            }
        }
        if (live != null) {
            live.cancel();
        }
        return ended.future().recover(failed -> Future.succeededFuture());
    }

    /** Stops for good because another generation replaced it: whoever awaits a position here must ask that one. */
    public Future<Void> retire() {
        return stop().onComplete(done -> committed.fail(new Retired(collection)));
    }

    /**
     * Runs the parked event at the letter's position through the handler again and commits its documents; on
     * success the letter is marked retried, on failure it stays parked with the new error and the answer is
     * {@code CONFLICT}.
     */
    public Future<DeadLetter> retry(long position) {
        return queue.submit(() -> {
            // the retry writes past the cache; what it holds is vouched for no more
            cache.clear();
            return retryParked(position);
        });
    }

    private Future<DeadLetter> retryParked(long position) {
        return settings.deadLetters().list(binding.name()).compose(letters -> {
            DeadLetter letter = letters.stream().filter(found -> found.position() == position).findFirst()
                    .orElse(null);
            if (letter == null) {
                return Future.failedFuture(DeadLetterErrors.notFound(binding.name(), position));
            }
            if (!letter.isParked()) {
                return Future.failedFuture(DeadLetterErrors.resolved(letter));
            }
            if (failure != null) {
                return Future.failedFuture(TransientException.unavailable("perspective " + binding.name()
                        + ", stopped by " + failure + ",", failure));
            }
            if (position > committed.position()) {
                return Future.failedFuture(PermanentException.conflict("perspective " + binding.name()
                        + " has not reached position " + position + " yet (it is at " + committed.position() + ")"));
            }
            return eventAt(position).compose(event -> applyAlone(event)
                    .compose(done -> settings.deadLetters().resolve(binding.name(), position,
                            DeadLetter.Status.RETRIED, settings.clock().instant()))
                    .recover(failed -> failed instanceof HandlerFailed handler ? failedAgain(letter, handler.getCause())
                            : Future.failedFuture(failed)));
        });
    }

    private Future<RecordedEvent> eventAt(long position) {
        return ledger.readAll(position - 1, 1).compose(found -> found.isEmpty() || found.get(0).position() != position
                ? Future.failedFuture(PermanentException.notFound("the ledger has no event at position " + position))
                : Future.succeededFuture(found.get(0)));
    }

    /** Handles one event on its own and commits its documents, the checkpoint left where it is. */
    private Future<Void> applyAlone(RecordedEvent event) {
        BatchDocuments<M> documents = new BatchDocuments<>(collection, modelCodec, new DocumentCache(0));
        try {
            apply(event, documents.inTenant(event.tenant(), 0));
        } catch (RuntimeException e) {
            return Future.failedFuture(new HandlerFailed(e));
        }
        return documents.resolve(store).compose(resolved -> resolved.failedEvent() >= 0
                ? Future.failedFuture(new HandlerFailed(resolved.cause()))
                : store.commit(new ProjectionCommit(collection, resolved.writes(), committed.position())));
    }

    private Future<DeadLetter> failedAgain(DeadLetter letter, Throwable cause) {
        errors.incrementAndGet();
        String error = describe(cause);
        return settings.deadLetters().park(letter.failedAgain(error, settings.clock().instant()))
                .compose(parked -> Future.failedFuture(PermanentException.conflict("retrying the event at position "
                        + letter.position() + " of perspective " + binding.name() + " failed again (" + error
                        + "); it stays parked")));
    }

    private Future<Void> handle(List<RecordedEvent> events) {
        return queue.submit(() -> process(events, 0, 1).onFailure(failed -> cache.clear()));
    }

    /** Handles the batch from the event at {@code from} on, that event being tried for the {@code attempt}th time. */
    private Future<Void> process(List<RecordedEvent> events, int from, int attempt) {
        BatchDocuments<M> documents = new BatchDocuments<>(collection, modelCodec, cache);
        applyFrom(events, from, documents);
        return settle(events, from, attempt, documents, documents.handlerFailure());
    }

    /**
     * Hands the events from {@code from} on to the handler, collecting their changes, until one throws; answers
     * whether every one was handled (the documents then know which failed).
     */
    private boolean applyFrom(List<RecordedEvent> events, int from, BatchDocuments<M> documents) {
        for (int i = from; i < events.size(); i++) {
            RecordedEvent recorded = events.get(i);
            try {
                apply(recorded, documents.inTenant(recorded.tenant(), i));
            } catch (RuntimeException e) {
                documents.handlerFailed(i, e);
                return false;
            }
        }
        return true;
    }

    /**
     * Applies the handled events' changes and commits them; when an event failed, in its handler ({@code handler},
     * or null) or while its changes were applied, commits the events before it, then retries it or parks it and
     * goes on with the rest.
     */
    private Future<Void> settle(List<RecordedEvent> events, int from, int attempt, BatchDocuments<M> documents,
                                BatchDocuments.HandlerFailure handler) {
        return documents.resolve(store).compose(resolved -> {
            int failed = resolved.failedEvent() >= 0 ? resolved.failedEvent() : handler == null ? -1 : handler.event();
            if (failed < 0) {
                return commit(resolved.writes(), events.get(events.size() - 1).position(), events.size() - from);
            }
            Throwable cause = resolved.failedEvent() >= 0 ? resolved.cause() : handler.cause();
            errors.incrementAndGet();
            Future<Void> before = failed > from
                    ? commit(resolved.writes(), events.get(failed - 1).position(), failed - from)
                    : Future.succeededFuture();
            return before.compose(done -> {
                if (attempt < settings.retryPolicy().maxAttempts()) {
                    return delay(settings.retryPolicy().backoff(attempt))
                            .compose(waited -> process(events, failed, attempt + 1));
                }
                RecordedEvent poison = events.get(failed);
                return park(poison, cause, attempt).compose(parked -> failed + 1 < events.size()
                        ? process(events, failed + 1, 1)
                        : commit(List.of(), poison.position(), 1));
            });
        });
    }

    private void apply(RecordedEvent recorded, Documents<M> documents) {
        MessageCodec<?> codec = codecs.byName(recorded.type());
        if (codec == null || !binding.handles(codec.javaType())) {
            return;
        }
        Envelope<Event> envelope = records.toEnvelope(recorded);
        EventContext context = new EventContext(envelope, recorded.stream(), recorded.version(),
                recorded.position());
        binding.invoker().apply(envelope.payload(), documents, context);
    }

    private Future<Void> commit(List<DocumentChange> writes, long position, long events) {
        long from = committed.position();
        return store.commit(new ProjectionCommit(collection, writes, position))
                .onSuccess(done -> cache.committed(writes))
                .onFailure(failed -> cache.clear())
                .compose(done -> rebuild ? resolveHandled(from, position) : Future.succeededFuture())
                .onSuccess(done -> {
                    Instant now = settings.clock().instant();
                    lastProgressAt = now;
                    throughput.record(now, events);
                    committed.reached(position);
                    onCommitted.accept(position);
                });
    }

    /** Marks retried the parked letters of positions after {@code from} up to {@code to} this runner handled. */
    private Future<Void> resolveHandled(long from, long to) {
        return settings.deadLetters().list(binding.name()).compose(letters -> Future.all(letters.stream()
                .filter(letter -> letter.isParked() && letter.position() > from && letter.position() <= to
                        && !parkedHere.contains(letter.position()))
                .map(letter -> settings.deadLetters().resolve(binding.name(), letter.position(),
                        DeadLetter.Status.RETRIED, settings.clock().instant()))
                .toList()).mapEmpty());
    }

    private Future<Void> park(RecordedEvent event, Throwable cause, int attempts) {
        parkedHere.add(event.position());
        String error = describe(cause);
        LOG.log(Level.WARNING, "perspective " + binding.name() + " parks the " + event.type() + " event at position "
                + event.position() + " (stream " + event.stream().value() + " of tenant " + event.tenant()
                + ") after " + attempts + " failed tries", cause);
        return settings.deadLetters().park(DeadLetter.parked(binding.name(), event.tenant(), event.position(),
                event.stream().value(), event.version(), event.type(), error, attempts, settings.clock().instant()));
    }

    private Future<Void> delay(Duration backoff) {
        if (backoff.isZero()) {
            return Future.succeededFuture();
        }
        Promise<Void> waited = Promise.promise();
        vertx.setTimer(backoff.toMillis(), id -> waited.complete());
        return waited.future();
    }

    private static String describe(Throwable cause) {
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) : text;
    }

    /** A handler's failure on an event handled alone, told apart from the store's. */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** What a runner's position waiters fail with once another generation replaced it. */
    public static final class Retired extends RuntimeException {
        Retired(String collection) {
            super("generation " + collection + " was replaced by a rebuild", null, false, false);
        }
    }
}
