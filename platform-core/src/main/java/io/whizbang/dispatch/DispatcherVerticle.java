package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonCodec;
import io.whizbang.impl.dispatch.EnvelopeJson;
import io.whizbang.impl.dispatch.Failures;
import io.whizbang.impl.dispatch.ReceiptJson;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Serves a dispatcher on the event bus: commands and published events at {@code <prefix>.commands}, queries at
 * {@code <prefix>.queries}. Every failure is answered with its error code, never a stack trace.
 */
public final class DispatcherVerticle extends VerticleBase {
    private final Dispatcher dispatcher;
    private final DispatcherOptions options;
    private final EnvelopeJson envelopes;
    private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

    public DispatcherVerticle(Dispatcher dispatcher, DispatcherOptions options) {
        this.dispatcher = dispatcher;
        this.options = options;
        this.envelopes = new EnvelopeJson(dispatcher.codecs());
    }

    @Override
    public Future<?> start() {
        consumers.add(vertx.eventBus().consumer(options.commandAddress(), this::onCommand));
        consumers.add(vertx.eventBus().consumer(options.queryAddress(), this::onQuery));
        consumers.add(vertx.eventBus().consumer(options.stateAddress(), this::onStateAt));
        consumers.add(vertx.eventBus().consumer(options.flowMapAddress(),
                message -> message.reply(io.whizbang.impl.dispatch.FlowMaps.merged(dispatcher.flowMap()))));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
    }

    @Override
    public Future<?> stop() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }

    @SuppressWarnings("unchecked")
    private void onCommand(Message<JsonObject> message) {
        UUID correlation = null;
        try {
            JsonObject body = message.body();
            if (body == null) {
                throw new io.whizbang.error.ValidationException("", "the request has no body");
            }
            if (body.containsKey("publish")) {
                publish(message, body.getJsonObject("publish"));
                return;
            }
            Envelope<Object> envelope = envelopes.decode(body.getJsonObject("send", new JsonObject()));
            correlation = envelope.correlationId();
            if (!(envelope.payload() instanceof Command)) {
                throw new io.whizbang.error.ValidationException("type", envelope.type().name() + " is not a command");
            }
            UUID journey = correlation;
            dispatcher.send((Envelope<? extends Command>) (Envelope<?>) envelope)
                    .onSuccess(receipt -> message.reply(ReceiptJson.encode(receipt)))
                    .onFailure(failure -> Failures.reply(message, failure, journey));
        } catch (RuntimeException e) {
            Failures.reply(message, e, correlation);
        }
    }

    @SuppressWarnings("unchecked")
    private void publish(Message<JsonObject> message, JsonObject request) {
        StreamId stream = StreamId.parse(request.getString("stream", ""));
        List<Envelope<? extends Event>> events = new ArrayList<>();
        for (Object item : request.getJsonArray("events")) {
            Envelope<Object> envelope = envelopes.decode((JsonObject) item);
            if (!(envelope.payload() instanceof Event)) {
                throw new io.whizbang.error.ValidationException("type", envelope.type().name() + " is not an event");
            }
            events.add((Envelope<? extends Event>) (Envelope<?>) envelope);
        }
        UUID journey = events.isEmpty() ? null : events.get(0).correlationId();
        dispatcher.publish(stream, events)
                .onSuccess(receipt -> message.reply(ReceiptJson.encode(receipt)))
                .onFailure(failure -> Failures.reply(message, failure, journey));
    }

    /** Answers {@code {tenant, stream, version}} with the stream's state folded to that version. */
    private void onStateAt(Message<JsonObject> message) {
        try {
            JsonObject body = message.body() == null ? new JsonObject() : message.body();
            String tenant = body.getString("tenant");
            if (tenant == null || tenant.isBlank()) {
                throw new io.whizbang.error.ValidationException("tenant", "a tenant is required");
            }
            StreamId stream;
            try {
                stream = StreamId.parse(body.getString("stream", ""));
            } catch (IllegalArgumentException e) {
                throw new io.whizbang.error.ValidationException("stream", e.getMessage());
            }
            dispatcher.stateAt(tenant, stream, body.getLong("version", 0L))
                    .onSuccess(message::reply)
                    .onFailure(failure -> Failures.reply(message, failure, null));
        } catch (RuntimeException e) {
            Failures.reply(message, e, null);
        }
    }

    @SuppressWarnings("unchecked")
    private void onQuery(Message<JsonObject> message) {
        UUID correlation = null;
        try {
            if (message.body() == null) {
                throw new io.whizbang.error.ValidationException("", "the request has no body");
            }
            Envelope<Object> envelope = envelopes.decode(message.body());
            correlation = envelope.correlationId();
            if (!(envelope.payload() instanceof Query<?>)) {
                throw new io.whizbang.error.ValidationException("type", envelope.type().name() + " is not a query");
            }
            UUID journey = correlation;
            dispatcher.ask((Envelope<? extends Query<Object>>) (Envelope<?>) envelope)
                    .onSuccess(answer -> {
                        JsonCodec<Object> codec = (JsonCodec<Object>) dispatcher.codecs().of(answer.getClass());
                        message.reply(new JsonObject().put("answerType", answer.getClass().getName())
                                .put("answer", codec.encode(answer)));
                    })
                    .onFailure(failure -> Failures.reply(message, failure, journey));
        } catch (RuntimeException e) {
            Failures.reply(message, e, correlation);
        }
    }
}
