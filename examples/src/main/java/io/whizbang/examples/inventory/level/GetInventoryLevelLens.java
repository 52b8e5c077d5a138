package io.whizbang.examples.inventory.level;

import io.vertx.core.Future;
import io.whizbang.error.PermanentException;
import io.whizbang.examples.Scopes;
import io.whizbang.handler.Lens;
import io.whizbang.handler.LensContext;
import io.whizbang.handler.RequiresScope;

/**
 * Answers {@link GetInventoryLevel} from the inventory levels of the asker's tenant.
 */
@RequiresScope(Scopes.INVENTORY_READ)
public final class GetInventoryLevelLens implements Lens<GetInventoryLevel, InventoryLevel> {
    @Override
    public Future<InventoryLevel> ask(GetInventoryLevel query, LensContext context) {
        return context.documents(InventoryLevel.class).get(query.sku())
                .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
                        PermanentException.notFound("no stock of sku " + query.sku() + " is known"))));
    }
}
