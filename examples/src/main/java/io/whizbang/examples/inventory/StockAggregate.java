package io.whizbang.examples.inventory;

import io.whizbang.examples.inventory.release.StockReleased;
import io.whizbang.examples.inventory.reserve.StockReserved;
import io.whizbang.examples.inventory.restock.StockRestocked;
import io.whizbang.handler.Aggregate;
import io.whizbang.message.Event;

/**
 * How a SKU's events fold into its {@link Stock}.
 */
public final class StockAggregate implements Aggregate<Stock> {
    @Override
    public Stock initial() {
        return Stock.NONE;
    }

    @Override
    public Stock evolve(Stock state, Event event) {
        if (event instanceof StockRestocked restocked) {
            return state.restocked(restocked.quantity());
        }
        if (event instanceof StockReserved reservation) {
            return state.reservedBy(reservation.orderId(), reservation.quantity());
        }
        if (event instanceof StockReleased release) {
            return state.releasedBy(release.orderId());
        }
        return state;
    }
}
