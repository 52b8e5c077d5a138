package io.whizbang.impl.dispatch;

import io.whizbang.codec.Codecs;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.handler.LensContext;
import io.whizbang.message.Envelope;
import io.whizbang.projection.DocumentReader;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.PerspectiveBinding;

/**
 * A lens's view of the projection store: only the query's tenant, only perspectives' collections.
 */
final class StoreLensContext implements LensContext {
    private final Envelope<?> envelope;
    private final ProjectionStore store;
    private final DispatchTable table;
    private final Codecs codecs;

    StoreLensContext(Envelope<?> envelope, ProjectionStore store, DispatchTable table, Codecs codecs) {
        this.envelope = envelope;
        this.store = store;
        this.table = table;
        this.codecs = codecs;
    }

    @Override
    public Envelope<?> envelope() {
        return envelope;
    }

    @Override
    public <M> DocumentReader<M> documents(Class<M> modelType) {
        PerspectiveBinding<?> perspective = table.perspectiveOf(modelType);
        if (perspective == null) {
            throw new PermanentException(ErrorCode.INTERNAL, "no perspective writes " + modelType.getName(), null);
        }
        return new TypedDocumentReader<>(store, envelope.tenant(), perspective.name(), codecs.of(modelType));
    }
}
