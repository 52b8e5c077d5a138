package io.whizbang.examples.inventory.reserve;

import io.whizbang.examples.Scopes;
import io.whizbang.examples.inventory.Stock;
import io.whizbang.examples.inventory.StockAggregate;
import io.whizbang.handler.Aggregate;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Emits;
import io.whizbang.handler.Receptor;
import io.whizbang.handler.RequiresScope;
import io.whizbang.ledger.StreamId;

/**
 * Holds units of a SKU for an order when enough are available, and records a rejection otherwise; an order that
 * already holds units of the SKU is answered with nothing new.
 *
 * <p>Not final, so that a test can stand in a receptor that never answers and let the saga's deadline pass.
 */
@RequiresScope(Scopes.INVENTORY_WRITE)
@Emits({StockReserved.class, StockReservationRejected.class})
public class ReserveStockReceptor implements Receptor<ReserveStock, Stock> {
    private final StockAggregate aggregate = new StockAggregate();

    @Override
    public StreamId streamOf(ReserveStock command, CommandContext context) {
        return Stock.streamOf(command.sku());
    }

    @Override
    public Aggregate<Stock> aggregate() {
        return aggregate;
    }

    @Override
    public Decision decide(ReserveStock command, Stock state, CommandContext context) {
        if (state.reservedFor(command.orderId()) > 0) {
            return Decision.accept();
        }
        if (state.available() < command.quantity()) {
            return Decision.accept(new StockReservationRejected(command.orderId(), command.sku(), command.quantity(),
                    "only " + state.available() + " of " + command.sku() + " available, " + command.quantity()
                            + " requested"));
        }
        return Decision.accept(new StockReserved(command.orderId(), command.sku(), command.quantity()));
    }
}
