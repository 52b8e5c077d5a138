package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.codec.MessageCodec;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.impl.dispatch.EventRecords;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.Subscription;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.MessageIds;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.SagaBinding;
import io.whizbang.security.Principal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one saga: each event it reacts to loads the instance's state, runs the step, saves the state, deadline and
 * checkpoint together, then sends the step's commands as the saga's own principal.
 *
 * <p>Instances live as documents of the collection {@code saga-<name>}; deadlines are re-read from them at start,
 * so they survive a restart.
 */
public final class SagaRunner<S> {
    private static final Logger LOG = Logger.getLogger(SagaRunner.class.getName());
    private static final int PAGE = 500;

    private final Vertx vertx;
    private final SagaBinding<S> binding;
    private final Ledger ledger;
    private final ProjectionStore store;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Codecs codecs;
    private final EventRecords records;
    private final JsonCodec<S> stateCodec;
    private final Set<String> scopes;
    private final String collection;
    private final SerialQueue queue = new SerialQueue();
    private final PositionWaiters committed = new PositionWaiters();
    private final Map<DocumentKey, Instant> deadlines = new ConcurrentHashMap<>();
    private volatile Subscription subscription;

    public SagaRunner(Vertx vertx, SagaBinding<S> binding, Ledger ledger, ProjectionStore store,
                      Dispatcher dispatcher, Clock clock, Set<String> scopes) {
        this.vertx = vertx;
        this.binding = binding;
        this.ledger = ledger;
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.codecs = dispatcher.codecs();
        this.records = new EventRecords(codecs);
        this.stateCodec = codecs.of(binding.stateType());
        this.scopes = Set.copyOf(scopes);
        this.collection = "saga-" + binding.name();
    }

    /** Reloads pending deadlines and starts from the stored checkpoint. */
    public Future<Void> start() {
        return store.checkpoint(collection).compose(position -> loadDeadlinePage(null).map(position))
                .map(position -> {
                    committed.reached(position);
                    subscription = ledger.subscribe(vertx, position, PAGE,
                            events -> queue.submit(() -> handle(events)));
                    subscription.completion().onFailure(cause -> {
                        LOG.log(Level.SEVERE, "saga " + binding.name() + " stopped", cause);
                        committed.fail(cause);
                    });
                    return null;
                });
    }

    /** Completes when the saga has handled every event up to the position. */
    public Future<Void> caughtUp(long position) {
        return committed.await(position);
    }

    /** Runs {@code onDeadline} of every instance whose deadline the clock has passed. */
    public Future<Void> checkDeadlines() {
        Instant now = clock.instant();
        List<DocumentKey> due = deadlines.entrySet().stream().filter(entry -> !entry.getValue().isAfter(now))
                .map(Map.Entry::getKey).toList();
        Future<Void> chain = Future.succeededFuture();
        for (DocumentKey key : due) {
            chain = chain.compose(v -> queue.submit(() -> fireDeadline(key)));
        }
        // The barrier waits for steps already queued, such as a deadline the periodic check fired a moment ago.
        return chain.compose(v -> queue.submit(Future::succeededFuture));
    }

    /** Stops after the batch in hand. */
    public Future<Void> stop() {
        return subscription == null ? Future.succeededFuture() : subscription.cancel();
    }

    private Future<Void> loadDeadlinePage(String cursor) {
        return store.query(SagaIndex.TENANT, collection, DocumentQuery.all(PAGE).after(cursor)).compose(page -> {
            page.items().forEach(item -> {
                String[] parts = SagaIndex.split(item.key());
                deadlines.put(new DocumentKey(parts[0], collection, parts[1]),
                        Instant.parse(item.json().getString("deadline")));
            });
            return page.nextCursor() == null ? Future.succeededFuture() : loadDeadlinePage(page.nextCursor());
        });
    }

    private Future<Void> handle(List<RecordedEvent> events) {
        Future<Void> chain = Future.succeededFuture();
        for (RecordedEvent recorded : events) {
            MessageCodec<?> codec = codecs.byName(recorded.type());
            if (codec != null && binding.handles(codec.javaType())) {
                chain = chain.compose(v -> step(records.toEnvelope(recorded), recorded.position()));
            }
        }
        long last = events.get(events.size() - 1).position();
        return chain.compose(v -> store.commit(new ProjectionCommit(collection, List.of(), last)))
                .onSuccess(v -> committed.reached(last));
    }

    private Future<Void> step(Envelope<Event> envelope, long position) {
        DocumentKey key = new DocumentKey(envelope.tenant(), collection, binding.keyOf().apply(envelope.payload()));
        return store.load(List.of(key)).compose(found -> {
            SagaInstance instance = SagaInstance.from(found.get(key));
            if (instance.completed()) {
                return store.commit(new ProjectionCommit(collection, List.of(), position));
            }
            S state = instance.state() == null ? binding.instance().initial() : stateCodec.decode(instance.state());
            StepContext context = new StepContext(key.key(), clock, instance.deadline());
            S next = binding.invoker().apply(envelope.payload(), state, context);
            return save(key, next, context, position).compose(v -> sendAll(envelope, context.sent));
        });
    }

    private Future<Void> fireDeadline(DocumentKey key) {
        return store.load(List.of(key)).compose(found -> {
            SagaInstance instance = SagaInstance.from(found.get(key));
            if (instance.completed() || instance.deadline() == null || instance.deadline().isAfter(clock.instant())) {
                deadlines.remove(key);
                return Future.succeededFuture();
            }
            S state = stateCodec.decode(instance.state());
            StepContext context = new StepContext(key.key(), clock, null);
            S next = binding.instance().onDeadline(state, context);
            Envelope<Object> cause = deadlineEnvelope(key.tenant());
            return save(key, next, context, committed.position()).compose(v -> sendAll(cause, context.sent));
        });
    }

    private Future<Void> save(DocumentKey key, S state, StepContext context, long position) {
        JsonObject document = SagaInstance.encode(stateCodec.encode(state), context.deadline, context.completed);
        DocumentKey index = new DocumentKey(SagaIndex.TENANT, collection, SagaIndex.join(key.tenant(), key.key()));
        DocumentChange indexChange = new DocumentChange(index, context.deadline == null ? null
                : new JsonObject().put("deadline", context.deadline.toString()));
        return store.commit(new ProjectionCommit(collection, List.of(new DocumentChange(key, document), indexChange),
                position)).onSuccess(v -> {
                    if (context.deadline == null) {
                        deadlines.remove(key);
                    } else {
                        deadlines.put(key, context.deadline);
                    }
                });
    }

    private Future<Void> sendAll(Envelope<?> cause, List<Command> commands) {
        Future<Void> chain = Future.succeededFuture();
        Principal saga = new Principal("saga:" + binding.name(), cause.tenant(), scopes);
        for (Command command : commands) {
            Envelope<Command> envelope = new Envelope<>(MessageIds.next(clock), cause.correlationId(),
                    cause.messageId(), cause.tenant(), saga, cause.traceparent(), clock.instant(),
                    codecs.typeOf(command), command);
            chain = chain.compose(v -> dispatcher.send(envelope).<Void>mapEmpty().recover(failure -> {
                LOG.log(Level.WARNING, "saga " + binding.name() + " sent " + command.getClass().getSimpleName()
                        + " (correlation " + cause.correlationId() + "), which failed: " + failure.getMessage());
                return Future.succeededFuture();
            }));
        }
        return chain;
    }

    private Envelope<Object> deadlineEnvelope(String tenant) {
        java.util.UUID id = MessageIds.next(clock);
        return new Envelope<>(id, id, null, tenant, new Principal("saga:" + binding.name(), tenant, scopes), null,
                clock.instant(), new io.whizbang.message.MessageType("Deadline", 1), "deadline");
    }
}
