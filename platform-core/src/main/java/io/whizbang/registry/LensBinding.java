package io.whizbang.registry;

import io.whizbang.handler.Lens;
import io.whizbang.message.Query;
import io.whizbang.policy.PolicySet;

import java.util.Objects;

/**
 * A row of the generated dispatch table: the lens of one query type, its access rule and its policies.
 *
 * @param queryType the query type
 * @param lens      the lens instance
 * @param access    who may ask
 * @param policies  the query's policies
 * @param <Q>       the query type
 * @param <R>       the answer type
 */
public record LensBinding<Q extends Query<R>, R>(Class<Q> queryType, Lens<Q, R> lens, Access access,
                                                 PolicySet policies) {
    public LensBinding {
        Objects.requireNonNull(queryType, "queryType");
        Objects.requireNonNull(lens, "lens");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(policies, "policies");
    }
}
