package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.error.PermanentException;
import io.whizbang.handler.Aggregate;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Event;
import io.whizbang.registry.ReceptorBinding;
import io.whizbang.registry.Registry;

import java.util.List;

/**
 * "Time travel": a stream's state folded from its first event up to a version, by the aggregate of the receptor that
 * emits the stream's first event. The answer carries the state as JSON when a codec for its type exists (snapshotted
 * states have one), else as text, with the versions and types of the events folded.
 */
final class StateAtVersion {
    private static final int PAGE = 500;

    private final Ledger ledger;
    private final Registry registry;
    private final EventRecords records;

    StateAtVersion(Ledger ledger, Registry registry, EventRecords records) {
        this.ledger = ledger;
        this.registry = registry;
        this.records = records;
    }

    Future<JsonObject> fold(String tenant, StreamId stream, long version) {
        if (version < 0) {
            return Future.failedFuture(PermanentException.invalid("version must be 0 or more, was " + version));
        }
        return ledger.readStream(tenant, stream, 1, 1).compose(first -> {
            if (first.events().isEmpty()) {
                return Future.failedFuture(PermanentException.notFound("stream " + stream + " of tenant " + tenant
                        + " has no events"));
            }
            long target = version == 0 ? first.streamVersion() : Math.min(version, first.streamVersion());
            Event firstEvent = records.toEnvelope(first.events().get(0)).payload();
            Aggregate<Object> aggregate = aggregateEmitting(firstEvent);
            if (aggregate == null) {
                return Future.failedFuture(PermanentException.notFound("no receptor of this application emits "
                        + first.events().get(0).type() + ", so the state of " + stream + " cannot be folded"));
            }
            return foldFrom(tenant, stream, aggregate, aggregate.initial(), 0, target, new JsonArray())
                    .map(folded -> folded.put("tenant", tenant).put("stream", stream.value())
                            .put("streamVersion", first.streamVersion()));
        });
    }

    private Future<JsonObject> foldFrom(String tenant, StreamId stream, Aggregate<Object> aggregate, Object state,
                                        long reached, long target, JsonArray folded) {
        int count = (int) Math.min(PAGE, target - reached);
        if (count <= 0) {
            return Future.succeededFuture(answer(state, reached, folded));
        }
        return ledger.readStream(tenant, stream, reached + 1, count).compose(slice -> {
            Object next = state;
            long at = reached;
            for (RecordedEvent recorded : slice.events()) {
                next = aggregate.evolve(next, records.toEnvelope(recorded).payload());
                at = recorded.version();
                folded.add(new JsonObject().put("version", at).put("type", recorded.type()));
            }
            if (slice.events().isEmpty() || at >= target) {
                return Future.succeededFuture(answer(next, at, folded));
            }
            return foldFrom(tenant, stream, aggregate, next, at, target, folded);
        });
    }

    @SuppressWarnings("unchecked")
    private JsonObject answer(Object state, long version, JsonArray folded) {
        JsonObject json = new JsonObject().put("version", version).put("events", folded);
        if (state == null) {
            return json.putNull("state").put("stateType", "none");
        }
        Codecs codecs = registry.codecs();
        JsonCodec<Object> codec = (JsonCodec<Object>) codecs.find(state.getClass());
        json.put("stateType", state.getClass().getSimpleName());
        return codec != null ? json.put("state", codec.encode(state))
                : json.put("state", new JsonObject().put("text", state.toString()));
    }

    @SuppressWarnings("unchecked")
    private Aggregate<Object> aggregateEmitting(Event event) {
        List<ReceptorBinding<?, ?>> receptors = registry.receptors();
        for (ReceptorBinding<?, ?> binding : receptors) {
            if (binding.emits().contains(event.getClass())) {
                return (Aggregate<Object>) binding.receptor().aggregate();
            }
        }
        return null;
    }
}
