package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.whizbang.impl.dispatch.Answers;
import io.whizbang.impl.dispatch.BusCodecs;
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
    private static final DeliveryOptions RECEIPT = BusCodecs.with(BusCodecs.RECEIPT);
    private static final DeliveryOptions ANSWER = BusCodecs.with(BusCodecs.ANSWER);

    private final Dispatcher dispatcher;
    private final DispatcherOptions options;
    private final EnvelopeJson envelopes;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    public DispatcherVerticle(Dispatcher dispatcher, DispatcherOptions options) {
        this.dispatcher = dispatcher;
        this.options = options;
        this.envelopes = new EnvelopeJson(dispatcher.codecs());
    }

    @Override
    public Future<?> start() {
        BusCodecs.register(vertx, dispatcher.codecs());
        consumers.add(vertx.eventBus().consumer(options.commandAddress(), this::onCommand));
        consumers.add(vertx.eventBus().consumer(options.queryAddress(), this::onQuery));
        // a remote dispatcher's calls from an event loop of this Vert.x, answered to its reply channel
        consumers.add(vertx.eventBus().localConsumer(BusCodecs.callsOf(options.commandAddress()), this::onCommand));
        consumers.add(vertx.eventBus().localConsumer(BusCodecs.callsOf(options.queryAddress()), this::onQuery));
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
    private void onCommand(Message<Object> message) {
        if (Answers.sent(message) instanceof Envelope<?> sent) {
            onCommandObject(Answers.of(vertx, message), sent);
            return;
        }
        UUID correlation = null;
        try {
            JsonObject body = message.body() instanceof JsonObject json ? json : null;
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
    private void publish(Message<Object> message, JsonObject request) {
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
    private void onQuery(Message<Object> message) {
        if (Answers.sent(message) instanceof Envelope<?> sent) {
            onQueryObject(Answers.of(vertx, message), sent);
            return;
        }
        UUID correlation = null;
        try {
            if (!(message.body() instanceof JsonObject body)) {
                throw new io.whizbang.error.ValidationException("", "the request has no body");
            }
            Envelope<Object> envelope = envelopes.decode(body);
            correlation = envelope.correlationId();
            if (!(envelope.payload() instanceof Query<?>)) {
                throw new io.whizbang.error.ValidationException("type", envelope.type().name() + " is not a query");
            }
            UUID journey = correlation;
            dispatcher.ask((Envelope<? extends Query<Object>>) (Envelope<?>) envelope)
                    .onSuccess(answer -> message.reply(BusCodecs.answerJson(dispatcher.codecs(), answer)))
                    .onFailure(failure -> Failures.reply(message, failure, journey));
        } catch (RuntimeException e) {
            Failures.reply(message, e, correlation);
        }
    }

    /** A command sent as an envelope object by a dispatcher client in this JVM (or decoded from a cluster node). */
    @SuppressWarnings("unchecked")
    private void onCommandObject(Answers answers, Envelope<?> envelope) {
        try {
            if (!(envelope.payload() instanceof Command)) {
                throw new io.whizbang.error.ValidationException("type", envelope.type().name() + " is not a command");
            }
            dispatcher.send((Envelope<? extends Command>) envelope)
                    .onComplete(receipt -> answers.succeed(receipt, RECEIPT),
                            failure -> answers.fail(failure, envelope.correlationId()));
        } catch (RuntimeException e) {
            answers.fail(e, envelope.correlationId());
        }
    }

    /** A query sent as an envelope object; the answer goes back as an object too. */
    @SuppressWarnings("unchecked")
    private void onQueryObject(Answers answers, Envelope<?> envelope) {
        try {
            if (!(envelope.payload() instanceof Query<?>)) {
                throw new io.whizbang.error.ValidationException("type", envelope.type().name() + " is not a query");
            }
            dispatcher.ask((Envelope<? extends Query<Object>>) envelope)
                    .onComplete(answer -> answers.succeed(new BusCodecs.Answer(answer), ANSWER),
                            failure -> answers.fail(failure, envelope.correlationId()));
        } catch (RuntimeException e) {
            answers.fail(e, envelope.correlationId());
        }
    }
}
