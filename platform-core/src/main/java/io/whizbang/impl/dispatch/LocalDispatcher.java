package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.Receipt;
import io.whizbang.error.PermanentException;
import io.whizbang.error.ValidationException;
import io.whizbang.impl.projection.ActiveGenerationStore;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.Query;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.ReadYourWrites;
import io.whizbang.registry.LensBinding;
import io.whizbang.registry.ReceptorBinding;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.ProjectionsAddresses;
import io.whizbang.security.Principal;

import java.time.Clock;
import java.util.List;

/**
 * A dispatcher that runs the registry's handlers in this JVM.
 */
public final class LocalDispatcher implements Dispatcher {
    /** The scope that lets a principal publish events into its own tenant without a receptor. */
    public static final String PUBLISH_SCOPE = "events:publish";

    private final Registry registry;
    private final ProjectionStore store;
    private final Ledger ledger;
    private final DispatchTable table;
    private final EventRecords records;
    private final CommandHandling commands;
    private final ReadYourWrites readYourWrites;
    private final Vertx vertx;
    private final StateAtVersion states;

    public LocalDispatcher(Vertx vertx, Registry registry, Ledger ledger, ProjectionStore store,
                           DispatcherOptions options) {
        Clock clock = options.getClock();
        this.registry = registry;
        this.ledger = ledger;
        // lenses read each perspective's active generation, following rebuilds announced at the prefix's addresses
        this.store = store instanceof ActiveGenerationStore ? store
                : new ActiveGenerationStore(vertx, store, new ProjectionsAddresses(options.getAddressPrefix()).activated());
        this.table = new DispatchTable(vertx, registry, clock);
        this.records = new EventRecords(registry.codecs());
        Snapshots snapshots = new Snapshots(ledger.snapshots(), registry.snapshots(), registry.codecs(), clock);
        this.vertx = vertx;
        this.states = new StateAtVersion(ledger, registry, records);
        this.commands = new CommandHandling(new TimedAppends(vertx, ledger),
                new StreamLoader(ledger, records, options.getReadBatchSize(), snapshots,
                        new StateCache(options.getStateCacheSize())), snapshots, records, clock,
                options.getMaxConflictRetries());
        this.readYourWrites = options.getReadYourWrites();
    }

    @Override
    public Codecs codecs() {
        return registry.codecs();
    }

    /** The dispatch table, for the control plane's cache operations and for benchmarks. */
    public DispatchTable table() {
        return table;
    }

    @Override
    public Future<Receipt> send(Envelope<? extends Command> envelope) {
        return send(envelope, false);
    }

    @Override
    public Future<Receipt> sendOnce(Envelope<? extends Command> envelope) {
        return send(envelope, ledger.keepsInbox());
    }

    private Future<Receipt> send(Envelope<? extends Command> envelope, boolean once) {
        long start = System.nanoTime();
        Future<Receipt> handled;
        try {
            ReceptorBinding<?, ?> binding = table.route(envelope);
            handled = table.policies(binding.commandType())
                    .run(envelope.tenant(), envelope.payload(), () -> commands.handle(envelope, binding, once))
                    .compose(this::readable);
        } catch (RuntimeException e) {
            handled = Future.failedFuture(e);
        }
        return handled.andThen(done -> DispatchMeters.commandHandled(vertx, envelope, start, done));
    }

    @Override
    public String flowMap() {
        return registry.flowMap();
    }

    @Override
    public Future<JsonObject> stateAt(String tenant, StreamId stream, long version) {
        return states.fold(tenant, stream, version);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Future<R> ask(Envelope<? extends Query<R>> envelope) {
        try {
            LensBinding<Query<R>, R> binding = (LensBinding<Query<R>, R>) table.lens(envelope.payload().getClass());
            Guard.check(envelope, binding.access(), "asking", binding.queryType());
            StoreLensContext context = new StoreLensContext(envelope, store, table, registry.codecs());
            long start = System.nanoTime();
            return table.policies(binding.queryType()).run(envelope.tenant(), envelope.payload(),
                    () -> binding.lens().ask(envelope.payload(), context))
                    .andThen(done -> DispatchMeters.queryHandled(vertx, envelope, start, done));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    @Override
    public Future<Receipt> publish(StreamId stream, List<Envelope<? extends Event>> events) {
        try {
            if (events.isEmpty()) {
                throw new ValidationException("events", "publish needs at least one event");
            }
            Envelope<? extends Event> first = events.get(0);
            for (Envelope<? extends Event> event : events) {
                if (!event.tenant().equals(first.tenant())) {
                    throw new ValidationException("tenant", "events published together must share one tenant");
                }
                Principal principal = event.principal();
                if (!principal.mayActIn(event.tenant())
                        || !(principal.isSystem() || principal.hasScope(PUBLISH_SCOPE))) {
                    throw PermanentException.denied("publishing events to tenant " + event.tenant() + " needs scope "
                            + PUBLISH_SCOPE + " in that tenant or " + Principal.SYSTEM_SCOPE);
                }
            }
            List<EventData> data = events.stream().<EventData>map(records::toData).toList();
            return ledger.append(first.tenant(), stream, ExpectedVersion.any(), data)
                    .map(result -> new Receipt(first.messageId(), first.correlationId(), first.tenant(), stream,
                            result.version(), result.position(), data.stream().map(EventData::eventId).toList()))
                    .compose(this::readable);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /** The receipt once the inline perspectives committed its events; its events are durable either way. */
    private Future<Receipt> readable(Receipt receipt) {
        if (receipt.position() <= 0) {
            return Future.succeededFuture(receipt);
        }
        return readYourWrites.awaitCommitted(receipt.position()).transform(waited -> Future.succeededFuture(receipt));
    }
}
