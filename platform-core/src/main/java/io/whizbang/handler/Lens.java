package io.whizbang.handler;

import io.vertx.core.Future;
import io.whizbang.message.Query;

/**
 * A read-only query over what perspectives wrote, in the asking principal's tenant.
 *
 * <p>Declare the scope it needs with {@link RequiresScope} or open it with {@link PublicAccess}.
 *
 * @param <Q> the query type
 * @param <R> the answer type
 */
public interface Lens<Q extends Query<R>, R> {
    /** The answer; fails with {@code NOT_FOUND} when what is asked for does not exist. */
    Future<R> ask(Q query, LensContext context);
}
