package io.whizbang.examples.inventory.restock;

import io.whizbang.error.ErrorCode;
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
 * Adds units to a SKU's stock, refusing only a total that would not fit in an {@code int}.
 */
@RequiresScope(Scopes.INVENTORY_WRITE)
@Emits(StockRestocked.class)
public final class RestockItemReceptor implements Receptor<RestockItem, Stock> {
    private final StockAggregate aggregate = new StockAggregate();

    @Override
    public StreamId streamOf(RestockItem command, CommandContext context) {
        return Stock.streamOf(command.sku());
    }

    @Override
    public Aggregate<Stock> aggregate() {
        return aggregate;
    }

    @Override
    public Decision decide(RestockItem command, Stock state, CommandContext context) {
        if (state.onHand() > Integer.MAX_VALUE - command.quantity()) {
            return Decision.reject(ErrorCode.CONFLICT, "restocking " + command.quantity() + " of " + command.sku()
                    + " would put more than " + Integer.MAX_VALUE + " on hand; " + state.onHand() + " are");
        }
        return Decision.accept(new StockRestocked(command.sku(), command.quantity()));
    }
}
