package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.MessageCodec;
import io.whizbang.error.PermanentException;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.orders.cancel.OrderCancelled;
import io.whizbang.examples.orders.confirm.OrderConfirmed;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.examples.orders.ship.OrderShipped;
import io.whizbang.gateway.desktop.v1.OrderCancelledEvent;
import io.whizbang.gateway.desktop.v1.OrderConfirmedEvent;
import io.whizbang.gateway.desktop.v1.OrderEvent;
import io.whizbang.gateway.desktop.v1.OrderPlacedEvent;
import io.whizbang.gateway.desktop.v1.OrderShippedEvent;
import io.whizbang.gateway.desktop.v1.WatchOrdersRequest;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.Subscription;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code Orders.WatchOrders}: the caller's tenant's order events, live from the ledger's head, until the caller
 * cancels or its deadline passes.
 *
 * <p>Each stream is a ledger subscription over the bus ({@code LedgerClient}) that starts at the head read when the
 * call begins; the response headers are sent once it is in place, so every event recorded after the caller saw them
 * is streamed. Events of other tenants and other kinds are skipped before they are decoded. A slow caller slows its
 * own subscription, never the others.
 */
final class OrderEventStream {
    private final Vertx vertx;
    private final Ledger ledger;
    private final Codecs codecs;
    private final int batchSize;
    private final Set<String> orderEventTypes;
    private final AtomicInteger running = new AtomicInteger();

    OrderEventStream(Vertx vertx, Ledger ledger, Codecs codecs, int batchSize) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.codecs = codecs;
        this.batchSize = batchSize;
        this.orderEventTypes = Set.of(typeName(codecs, OrderPlaced.class), typeName(codecs, OrderConfirmed.class),
                typeName(codecs, OrderCancelled.class), typeName(codecs, OrderShipped.class));
    }

    /** Streams the order events of the caller's tenant, of one order when the request names it. */
    Future<Void> watch(CallContext context, WatchOrdersRequest request, GrpcCall<WatchOrdersRequest, OrderEvent> call) {
        if (!context.principal().hasScope(Scopes.ORDERS_READ)) {
            return Future.failedFuture(PermanentException.denied("WatchOrders needs the scope " + Scopes.ORDERS_READ));
        }
        UUID only = request.getOrderId().isEmpty() ? null
                : ProtoInput.build("", () -> ProtoInput.uuid(request.getOrderId(), "order_id"));
        String tenant = context.principal().tenant();
        Promise<Void> done = Promise.promise();
        ledger.head().onFailure(done::tryFail).onSuccess(head -> {
            if (!call.isOpen()) {
                done.tryComplete();
                return;
            }
            Subscription subscription = ledger.subscribe(vertx, head, batchSize,
                    batch -> deliver(batch, tenant, only, call));
            running.incrementAndGet();
            call.onClose(subscription::cancel);
            subscription.completion().onComplete(stopped -> {
                running.decrementAndGet();
                if (stopped.succeeded()) {
                    done.tryComplete();
                } else {
                    done.tryFail(stopped.cause());
                }
            });
            call.open();
        });
        return done.future();
    }

    /** How many streams have a ledger subscription running now. */
    int running() {
        return running.get();
    }

    private Future<Void> deliver(List<RecordedEvent> batch, String tenant, UUID only,
                                 GrpcCall<WatchOrdersRequest, OrderEvent> call) {
        Future<Void> written = Future.succeededFuture();
        for (RecordedEvent recorded : batch) {
            if (!recorded.tenant().equals(tenant) || !orderEventTypes.contains(recorded.type())) {
                continue;
            }
            OrderEvent event = proto(recorded, codecs.decode(recorded.type(), recorded.schemaVersion(),
                    recorded.payload()));
            if (only == null || only.toString().equals(event.getOrderId())) {
                written = call.write(event);
            }
        }
        return written;
    }

    private static OrderEvent proto(RecordedEvent recorded, Object decoded) {
        OrderEvent.Builder event = OrderEvent.newBuilder()
                .setPosition(recorded.position())
                .setVersion(recorded.version())
                .setRecordedAt(OrderProtos.timestamp(recorded.timestamp()))
                .setCorrelationId(recorded.metadata().getString("correlationId", ""));
        if (decoded instanceof OrderPlaced placed) {
            OrderPlacedEvent.Builder detail = OrderPlacedEvent.newBuilder()
                    .setCustomerId(placed.customerId().toString()).setTotal(OrderProtos.money(placed.total()));
            placed.lines().forEach(line -> detail.addLines(OrderProtos.line(line)));
            return event.setOrderId(placed.orderId().toString()).setPlaced(detail).build();
        }
        if (decoded instanceof OrderConfirmed confirmed) {
            return event.setOrderId(confirmed.orderId().toString())
                    .setConfirmed(OrderConfirmedEvent.getDefaultInstance()).build();
        }
        if (decoded instanceof OrderCancelled cancelled) {
            return event.setOrderId(cancelled.orderId().toString()).setCancelled(OrderCancelledEvent.newBuilder()
                    .setReason(cancelled.reason()).setTotal(OrderProtos.money(cancelled.total()))).build();
        }
        OrderShipped shipped = (OrderShipped) decoded;
        return event.setOrderId(shipped.orderId().toString()).setShipped(OrderShippedEvent.getDefaultInstance())
                .build();
    }

    private static String typeName(Codecs codecs, Class<?> eventType) {
        if (codecs.of(eventType) instanceof MessageCodec<?> codec) {
            return codec.messageType().name();
        }
        throw new IllegalStateException(eventType.getSimpleName() + " is not a message type of the codecs");
    }
}
