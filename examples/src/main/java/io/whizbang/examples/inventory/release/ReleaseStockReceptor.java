package io.whizbang.examples.inventory.release;

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
 * Gives back the units of a SKU an order holds; an order that holds none is answered with nothing, so a release
 * may be sent whenever in doubt.
 */
@RequiresScope(Scopes.INVENTORY_WRITE)
@Emits(StockReleased.class)
public final class ReleaseStockReceptor implements Receptor<ReleaseStock, Stock> {
    private final StockAggregate aggregate = new StockAggregate();

    @Override
    public StreamId streamOf(ReleaseStock command, CommandContext context) {
        return Stock.streamOf(command.sku());
    }

    @Override
    public Aggregate<Stock> aggregate() {
        return aggregate;
    }

    @Override
    public Decision decide(ReleaseStock command, Stock state, CommandContext context) {
        int held = state.reservedFor(command.orderId());
        if (held == 0) {
            return Decision.accept();
        }
        return Decision.accept(new StockReleased(command.orderId(), command.sku(), held));
    }
}
