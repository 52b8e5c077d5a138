package io.whizbang.ledger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;
import io.whizbang.impl.dispatch.Failures;
import io.whizbang.ledger.spi.AppendListeners;
import io.whizbang.impl.ledger.LedgerReads;
import io.whizbang.impl.ledger.LedgerWire;
import io.whizbang.impl.ledger.RemoteConflicts;
import io.whizbang.impl.ledger.StorageWire;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxRecord;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.Optional;

/**
 * A ledger in another verticle or JVM, reached over the event bus at the {@link LedgerAddresses} of a prefix where a
 * {@link LedgerEndpoint} serves it.
 *
 * <p>Errors arrive as the same {@link io.whizbang.error.WhizbangException}s the served ledger raised, a
 * {@link io.whizbang.error.ConcurrencyException} with its actual version included; a ledger that does not answer is
 * {@code UNAVAILABLE}. Subscriptions read in batches and wake on the endpoint's {@code appended} publications.
 */
public final class LedgerClient implements Ledger {
    private final Vertx vertx;
    private final LedgerAddresses addresses;
    private final AppendListeners listeners = new AppendListeners();
    private final MessageConsumer<Object> appended;

    private LedgerClient(Vertx vertx, LedgerAddresses addresses) {
        this.vertx = vertx;
        this.addresses = addresses;
        this.appended = vertx.eventBus().consumer(addresses.appended(), message -> listeners.fire());
    }

    /** A ledger served at the addresses of the prefix. */
    public static Ledger create(Vertx vertx, String addressPrefix) {
        return new LedgerClient(vertx, new LedgerAddresses(addressPrefix));
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        return request(addresses.append(), LedgerWire.appendRequest(appends, outbox))
                .recover(failure -> Future.failedFuture(
                        RemoteConflicts.restore(Failures.fromReply(failure, addresses.append()), appends)))
                .map(LedgerWire::appendResult);
    }

    @Override
    public Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion, int maxCount) {
        return request(addresses.readStream(),
                new LedgerReads.ReadStream(tenant, stream, fromVersion, maxCount).toJson())
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, addresses.readStream())))
                .map(LedgerWire::slice);
    }

    @Override
    public Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        return request(addresses.readAll(), new LedgerReads.ReadAll(afterPosition, maxCount).toJson())
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, addresses.readAll())))
                .map(LedgerWire::events);
    }

    @Override
    public Future<Long> head() {
        return request(addresses.head(), new JsonObject())
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, addresses.head())))
                .map(json -> JsonRead.required(json, "position", JsonRead.LONG));
    }

    @Override
    public Outbox outbox() {
        return new Outbox() {
            @Override
            public Future<List<OutboxRecord>> pending(int max) {
                return call(addresses.outboxPending(), new JsonObject().put("max", max)).map(StorageWire::records);
            }

            @Override
            public Future<Void> markPublished(List<Long> sequences) {
                return call(addresses.outboxPublished(), new JsonObject().put("sequences", new JsonArray(sequences)))
                        .mapEmpty();
            }
        };
    }

    @Override
    public SnapshotStore snapshots() {
        return new SnapshotStore() {
            @Override
            public Future<Optional<Snapshot>> load(String tenant, StreamId stream) {
                return call(addresses.snapshotLoad(), new JsonObject().put("tenant", tenant)
                        .put("stream", stream.value()))
                        .map(json -> Optional.ofNullable(json.getJsonObject("snapshot")).map(StorageWire::snapshot));
            }

            @Override
            public Future<Void> save(Snapshot snapshot) {
                return call(addresses.snapshotSave(), StorageWire.encode(snapshot)).mapEmpty();
            }
        };
    }

    private Future<JsonObject> call(String address, JsonObject body) {
        return request(address, body).recover(failure -> Future.failedFuture(Failures.fromReply(failure, address)));
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        return listeners.add(listener);
    }

    /** Stops listening for appends; the served ledger stays open. */
    @Override
    public Future<Void> close() {
        return appended.unregister();
    }

    private Future<JsonObject> request(String address, JsonObject body) {
        return vertx.eventBus().<JsonObject>request(address, body).map(Message::body);
    }
}
