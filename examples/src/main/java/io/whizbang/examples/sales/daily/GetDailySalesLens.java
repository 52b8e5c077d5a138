package io.whizbang.examples.sales.daily;

import io.vertx.core.Future;
import io.whizbang.examples.Scopes;
import io.whizbang.handler.Lens;
import io.whizbang.handler.LensContext;
import io.whizbang.handler.RequiresScope;
import io.whizbang.projection.DocumentReader;

import java.util.List;
import java.util.Optional;

/**
 * Answers {@link GetDailySales} by reading each day's document of the asker's tenant; days without standing orders
 * are left out.
 */
@RequiresScope(Scopes.ORDERS_READ)
public final class GetDailySalesLens implements Lens<GetDailySales, DailySalesReport> {
    @Override
    public Future<DailySalesReport> ask(GetDailySales query, LensContext context) {
        DocumentReader<DailySales> reader = context.documents(DailySales.class);
        List<Future<Optional<DailySales>>> reads = query.days().stream()
                .map(day -> reader.get(DailySales.keyOf(day)))
                .toList();
        return Future.all(reads).map(done -> new DailySalesReport(reads.stream()
                .map(Future::result)
                .flatMap(Optional::stream)
                .filter(day -> day.orders() > 0)
                .toList()));
    }
}
