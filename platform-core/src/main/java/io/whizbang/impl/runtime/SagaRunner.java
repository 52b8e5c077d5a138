package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.codec.MessageCodec;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.impl.dispatch.EnvelopeJson;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one saga: each event it reacts to loads the instance's state, runs the step, saves the state, deadline,
 * checkpoint and the step's commands (as envelopes, ids included) together, then sends the commands as the saga's
 * own principal and marks them sent.
 *
 * <p>Instances live as documents of the collection {@code saga-<name>}; deadlines and commands not marked sent are
 * re-read from them at start, so both survive a crash: the commands are sent again with the same ids, through
 * {@link Dispatcher#sendOnce}, whose inbox stores their effects once however often they arrive.
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
    private final Set<DocumentKey> unsent = ConcurrentHashMap.newKeySet();
    private final EnvelopeJson envelopes;
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
        this.envelopes = new EnvelopeJson(codecs);
    }

    /** Reloads pending deadlines and starts from the stored checkpoint. */
    public Future<Void> start() {
        return store.checkpoint(collection).compose(position -> loadIndexPage(null).map(position))
                .compose(position -> {
                    committed.reached(position);
                    return resendUnsent().map(position);
                })
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

    private Future<Void> loadIndexPage(String cursor) {
        return store.query(SagaIndex.TENANT, collection, DocumentQuery.all(PAGE).after(cursor)).compose(page -> {
            page.items().forEach(item -> {
                String[] parts = SagaIndex.split(item.key());
                DocumentKey key = new DocumentKey(parts[0], collection, parts[1]);
                String deadline = item.json().getString("deadline");
                if (deadline != null) {
                    deadlines.put(key, Instant.parse(deadline));
                }
                if (item.json().getBoolean("unsent", false)) {
                    unsent.add(key);
                }
            });
            return page.nextCursor() == null ? Future.succeededFuture() : loadIndexPage(page.nextCursor());
        });
    }

    /** Sends again what a step before a crash saved but did not mark sent. */
    private Future<Void> resendUnsent() {
        Future<Void> chain = Future.succeededFuture();
        for (DocumentKey key : List.copyOf(unsent)) {
            chain = chain.compose(v -> queue.submit(() -> store.load(List.of(key)).compose(found -> {
                JsonArray pending = SagaInstance.from(found.get(key)).pending();
                List<Envelope<Command>> commands = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    commands.add(asCommand(envelopes.decode(pending.getJsonObject(i))));
                }
                LOG.info(() -> "saga " + binding.name() + " sends again " + commands.size()
                        + " command(s) not marked sent before a stop");
                return deliver(key, commands, committed.position());
            })));
        }
        return chain;
    }

    @SuppressWarnings("unchecked")
    private static Envelope<Command> asCommand(Envelope<Object> envelope) {
        return (Envelope<Command>) (Envelope<?>) envelope;
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
            List<Envelope<Command>> commands = envelopesOf(envelope, context.sent);
            return save(key, next, context, position, commands).compose(v -> deliver(key, commands, position));
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
            List<Envelope<Command>> commands = envelopesOf(deadlineEnvelope(key.tenant()), context.sent);
            return save(key, next, context, committed.position(), commands)
                    .compose(v -> deliver(key, commands, committed.position()));
        });
    }

    /** Saves the instance, its index entry and checkpoint, with the step's commands as not yet sent. */
    private Future<Void> save(DocumentKey key, S state, StepContext context, long position,
                              List<Envelope<Command>> commands) {
        JsonArray pending = new JsonArray();
        commands.forEach(command -> pending.add(envelopes.encode(command)));
        JsonObject document = SagaInstance.encode(stateCodec.encode(state), context.deadline, context.completed,
                pending);
        return store.commit(new ProjectionCommit(collection, List.of(new DocumentChange(key, document),
                indexChange(key, context.deadline, !commands.isEmpty())), position)).onSuccess(v -> {
                    if (context.deadline == null) {
                        deadlines.remove(key);
                    } else {
                        deadlines.put(key, context.deadline);
                    }
                });
    }

    /** The instance's entry in the index: its deadline and whether it has commands not marked sent. */
    private DocumentChange indexChange(DocumentKey key, Instant deadline, boolean unsentCommands) {
        DocumentKey index = new DocumentKey(SagaIndex.TENANT, collection, SagaIndex.join(key.tenant(), key.key()));
        if (deadline == null && !unsentCommands) {
            return new DocumentChange(index, null);
        }
        JsonObject entry = new JsonObject();
        if (deadline != null) {
            entry.put("deadline", deadline.toString());
        }
        if (unsentCommands) {
            entry.put("unsent", true);
        }
        return new DocumentChange(index, entry);
    }

    /** The step's commands as the saga's own messages, caused by what the step reacted to. */
    private List<Envelope<Command>> envelopesOf(Envelope<?> cause, List<Command> commands) {
        Principal saga = new Principal("saga:" + binding.name(), cause.tenant(), scopes);
        List<Envelope<Command>> sent = new ArrayList<>(commands.size());
        for (Command command : commands) {
            sent.add(new Envelope<>(MessageIds.next(clock), cause.correlationId(), cause.messageId(), cause.tenant(),
                    saga, cause.traceparent(), clock.instant(), codecs.typeOf(command), command));
        }
        return sent;
    }

    /** Sends the commands, each once in effect, then marks them sent. */
    private Future<Void> deliver(DocumentKey key, List<Envelope<Command>> commands, long position) {
        if (commands.isEmpty()) {
            return Future.succeededFuture();
        }
        Future<Void> chain = Future.succeededFuture();
        for (Envelope<Command> envelope : commands) {
            chain = chain.compose(v -> dispatcher.sendOnce(envelope).<Void>mapEmpty().recover(failure -> {
                LOG.log(Level.WARNING, "saga " + binding.name() + " sent " + envelope.type().name()
                        + " (correlation " + envelope.correlationId() + "), which failed: " + failure.getMessage());
                return Future.succeededFuture();
            }));
        }
        return chain.compose(v -> store.load(List.of(key))).compose(found -> {
            SagaInstance instance = SagaInstance.from(found.get(key));
            return store.commit(new ProjectionCommit(collection, List.of(
                    new DocumentChange(key, instance.encodeSent()),
                    indexChange(key, instance.deadline(), false)), position));
        }).onSuccess(v -> unsent.remove(key));
    }

    private Envelope<Object> deadlineEnvelope(String tenant) {
        java.util.UUID id = MessageIds.next(clock);
        return new Envelope<>(id, id, null, tenant, new Principal("saga:" + binding.name(), tenant, scopes), null,
                clock.instant(), new io.whizbang.message.MessageType("Deadline", 1), "deadline");
    }
}
