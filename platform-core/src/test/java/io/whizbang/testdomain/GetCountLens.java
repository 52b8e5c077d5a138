package io.whizbang.testdomain;

import io.vertx.core.Future;
import io.whizbang.error.PermanentException;
import io.whizbang.handler.Lens;
import io.whizbang.handler.LensContext;

/** Answers a counter's value. */
public class GetCountLens implements Lens<GetCount, Count> {
    @Override
    public Future<Count> ask(GetCount query, LensContext context) {
        return context.documents(Count.class).get(query.counterId()).compose(found -> found.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(PermanentException.notFound("counter " + query.counterId()
                        + " not found"))));
    }
}
