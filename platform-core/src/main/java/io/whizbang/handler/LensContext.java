package io.whizbang.handler;

import io.whizbang.message.Envelope;
import io.whizbang.projection.DocumentReader;
import io.whizbang.security.Principal;

/**
 * What a lens reads with: the query's envelope and the documents of perspectives, scoped to the query's tenant.
 */
public interface LensContext {
    /** The query's envelope. */
    Envelope<?> envelope();

    /** Who asks. */
    default Principal principal() {
        return envelope().principal();
    }

    /** The tenant the lens reads in. */
    default String tenant() {
        return envelope().tenant();
    }

    /** The documents of the perspective whose model is the given record type, in this tenant only. */
    <M> DocumentReader<M> documents(Class<M> modelType);
}
