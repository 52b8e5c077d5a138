package io.sample.orders;

import io.vertx.core.Future;
import io.whizbang.handler.Lens;
import io.whizbang.handler.LensContext;
import io.whizbang.handler.RequiresScope;
import io.whizbang.policy.Cached;

@RequiresScope("orders:read")
@Cached(ttlMillis = 1000)
public class GetOrderLens implements Lens<GetOrder, OrderSummary> {
    @Override
    public Future<OrderSummary> ask(GetOrder query, LensContext context) {
        return Future.failedFuture("not in this test");
    }
}
