package io.whizbang.examples.orders.summary;

import io.vertx.core.Future;
import io.whizbang.error.PermanentException;
import io.whizbang.examples.Scopes;
import io.whizbang.handler.Lens;
import io.whizbang.handler.LensContext;
import io.whizbang.handler.RequiresScope;

/**
 * Answers {@link GetOrder} from the order summaries of the asker's tenant.
 */
@RequiresScope(Scopes.ORDERS_READ)
public final class GetOrderLens implements Lens<GetOrder, OrderSummary> {
    @Override
    public Future<OrderSummary> ask(GetOrder query, LensContext context) {
        return context.documents(OrderSummary.class).get(query.orderId().toString())
                .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
                        PermanentException.notFound("order " + query.orderId() + " not found"))));
    }
}
