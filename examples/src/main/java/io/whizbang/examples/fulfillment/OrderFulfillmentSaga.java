package io.whizbang.examples.fulfillment;

import io.whizbang.examples.inventory.release.ReleaseStock;
import io.whizbang.examples.inventory.reserve.ReserveStock;
import io.whizbang.examples.inventory.reserve.StockReservationRejected;
import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.orders.cancel.CancelOrder;
import io.whizbang.examples.orders.confirm.ConfirmOrder;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.handler.CorrelateBy;
import io.whizbang.handler.On;
import io.whizbang.handler.Saga;
import io.whizbang.handler.SagaContext;
import io.whizbang.handler.Sends;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Fulfils each placed order: reserves the stock of every line, confirms the order once all of it is held, and
 * cancels it, giving back what was held, when a SKU is short or the stock is not answered before the deadline.
 *
 * <p>After a rejection the instance stays open until every SKU is answered, so that a reservation arriving after
 * the cancellation is given back too.
 */
@CorrelateBy("orderId")
@Sends({ReserveStock.class, ConfirmOrder.class, CancelOrder.class, ReleaseStock.class})
public final class OrderFulfillmentSaga implements Saga<Fulfillment> {
    /** How long the stock of an order may take to be reserved before the order is cancelled. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);

    private final Duration deadline;

    /** A saga with the {@linkplain #DEFAULT_DEADLINE default deadline}. */
    public OrderFulfillmentSaga() {
        this(DEFAULT_DEADLINE);
    }

    /** A saga that cancels an order whose stock is not reserved within the deadline. */
    public OrderFulfillmentSaga(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the fulfilment deadline must be positive, was " + deadline);
        }
        this.deadline = deadline;
    }

    @Override
    public Fulfillment initial() {
        return Fulfillment.NEW;
    }

    /** Asks for the stock of every SKU of the order, once per SKU, and starts the deadline. */
    @On
    public Fulfillment on(OrderPlaced event, Fulfillment state, SagaContext context) {
        if (state.started()) {
            return state;
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        for (OrderLine line : event.lines()) {
            units.merge(line.sku(), line.quantity(), Integer::sum);
        }
        units.forEach((sku, quantity) -> context.send(new ReserveStock(event.orderId(), sku, quantity)));
        context.deadline(deadline);
        return state.requesting(units);
    }

    /**
     * Notes a held SKU: confirms the order once all are held, or gives the SKU back if the
     * order was cancelled meanwhile.
     */
    @On
    public Fulfillment on(StockReserved event, Fulfillment state, SagaContext context) {
        if (!state.awaits(event.sku())) {
            return state;
        }
        Fulfillment next = state.withReserved(event.sku());
        if (next.cancelled()) {
            context.send(new ReleaseStock(event.orderId(), event.sku()));
            return completeWhenAnswered(next, context);
        }
        if (next.allReserved()) {
            context.send(new ConfirmOrder(event.orderId()));
            context.clearDeadline();
            context.complete();
        }
        return next;
    }

    /** Cancels the order with the reservation's reason and gives back what is held. */
    @On
    public Fulfillment on(StockReservationRejected event, Fulfillment state, SagaContext context) {
        if (!state.awaits(event.sku())) {
            return state;
        }
        Fulfillment next = state.withRejected(event.sku());
        if (!next.cancelled()) {
            context.send(new CancelOrder(event.orderId(), event.reason()));
            release(event.orderId(), next.reservedSkus(), context);
            next = next.withCancelled();
        }
        return completeWhenAnswered(next, context);
    }

    /**
     * Cancels the order, unless a rejection already did, and gives back its stock: what is known to be held, and
     * what is not answered yet, since its reservation may have committed without this instance having seen it;
     * a release of a SKU the order does not hold changes nothing.
     */
    @Override
    public Fulfillment onDeadline(Fulfillment state, SagaContext context) {
        UUID orderId = UUID.fromString(context.instanceKey());
        if (!state.cancelled()) {
            context.send(new CancelOrder(orderId, "stock reservation timed out after " + describe(deadline)));
            release(orderId, state.reservedSkus(), context);
        }
        release(orderId, state.pendingSkus(), context);
        context.complete();
        return state.withCancelled();
    }

    private static Fulfillment completeWhenAnswered(Fulfillment state, SagaContext context) {
        if (state.allAnswered()) {
            context.clearDeadline();
            context.complete();
        }
        return state;
    }

    private static void release(UUID orderId, List<String> skus, SagaContext context) {
        skus.forEach(sku -> context.send(new ReleaseStock(orderId, sku)));
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
