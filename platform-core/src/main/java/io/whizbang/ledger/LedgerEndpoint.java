package io.whizbang.ledger;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;
import io.whizbang.error.ValidationException;
import io.whizbang.impl.dispatch.Failures;
import io.whizbang.impl.ledger.LedgerReads;
import io.whizbang.impl.ledger.LedgerWire;
import io.whizbang.impl.ledger.StorageWire;
import io.whizbang.message.MessageIds;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A ledger served on the event bus at the {@link LedgerAddresses} of a prefix, for {@link LedgerClient}s in this
 * JVM or across a cluster.
 *
 * <p>Requests and answers are JSON objects; a failure is answered with its error code's wire number and message,
 * never a stack trace, and a malformed request with {@code INVALID_ARGUMENT}. Whenever the ledger signals new events
 * (whoever appended them) the head position is published at {@link LedgerAddresses#appended()}, so remote
 * subscriptions wake without polling.
 */
public final class LedgerEndpoint {
    private final Vertx vertx;
    private final Context context;
    private final Ledger ledger;
    private final LedgerAddresses addresses;
    private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
    private final AtomicBoolean publishPending = new AtomicBoolean();
    private Runnable stopListening = () -> { };

    private LedgerEndpoint(Vertx vertx, Ledger ledger, LedgerAddresses addresses) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.ledger = ledger;
        this.addresses = addresses;
    }

    /**
     * Serves the ledger at the addresses of the prefix; completes once every address is registered.
     *
     * <p>Closing the endpoint does not close the ledger: whoever opened it closes it.
     */
    public static Future<LedgerEndpoint> serve(Vertx vertx, Ledger ledger, String addressPrefix) {
        LedgerEndpoint endpoint = new LedgerEndpoint(vertx, ledger, new LedgerAddresses(addressPrefix));
        return endpoint.start().map(endpoint);
    }

    /** The addresses served. */
    public LedgerAddresses addresses() {
        return addresses;
    }

    /** Stops serving and publishing. */
    public Future<Void> close() {
        stopListening.run();
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    }

    private Future<Void> start() {
        serve(addresses.append(), body -> ledger.append(LedgerWire.appends(body), LedgerWire.outbox(body))
                .map(LedgerWire::encode));
        serve(addresses.readStream(), body -> {
            LedgerReads.ReadStream read = LedgerReads.ReadStream.fromJson(body);
            return ledger.readStream(read.tenant(), read.stream(), read.fromVersion(), read.maxCount())
                    .map(LedgerWire::encode);
        });
        serve(addresses.readAll(), body -> {
            LedgerReads.ReadAll read = LedgerReads.ReadAll.fromJson(body);
            return ledger.readAll(read.afterPosition(), read.maxCount()).map(LedgerWire::encodeEvents);
        });
        serve(addresses.head(), body -> ledger.head().map(head -> new JsonObject().put("position", head)));
        serve(addresses.outboxPending(), body -> ledger.outbox()
                .pending(JsonRead.required(body, "max", JsonRead.INT)).map(StorageWire::encodeRecords));
        serve(addresses.outboxPublished(), body -> ledger.outbox()
                .markPublished(JsonRead.required(body, "sequences", JsonRead.list(JsonRead.LONG)))
                .map(done -> new JsonObject()));
        serve(addresses.snapshotLoad(), body -> ledger.snapshots()
                .load(JsonRead.required(body, "tenant", JsonRead.STRING),
                        StreamId.parse(JsonRead.required(body, "stream", JsonRead.STRING)))
                .map(found -> found.map(snapshot -> new JsonObject().put("snapshot", StorageWire.encode(snapshot)))
                        .orElseGet(JsonObject::new)));
        serve(addresses.snapshotSave(), body -> ledger.snapshots().save(StorageWire.snapshot(body))
                .map(done -> new JsonObject()));
        stopListening = ledger.onAppend(this::appended);
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
    }

    private void serve(String address, Function<JsonObject, Future<JsonObject>> handler) {
        consumers.add(vertx.eventBus().consumer(address, message -> {
            try {
                if (!(message.body() instanceof JsonObject body)) {
                    throw new ValidationException("", "a request to " + address + " must be a JSON object");
                }
                handler.apply(body)
                        .onSuccess(message::reply)
                        .onFailure(failure -> Failures.reply(message, failure, MessageIds.next()));
            } catch (RuntimeException e) {
                Failures.reply(message, e, MessageIds.next());
            }
        }));
    }

    /** Publishes the head once for any number of signals that arrive while a publication is pending. */
    private void appended() {
        if (publishPending.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                publishPending.set(false);
                ledger.head().onSuccess(head -> vertx.eventBus().publish(addresses.appended(), head));
            });
        }
    }
}
