package io.whizbang.gateway.mobile;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.Receipt;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Query;

/**
 * The sample application as the routes reach it: commands and queries decoded from JSON by the generated codecs,
 * wrapped in envelopes of the request's principal and correlation id, and sent over the event bus.
 */
final class Backend {
    private final Dispatcher dispatcher;
    private final Codecs codecs;

    Backend(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.codecs = dispatcher.codecs();
    }

    /** The codecs of the sample's messages and read models. */
    Codecs codecs() {
        return codecs;
    }

    /**
     * The message the JSON stands for, by its type's generated codec; a {@code ValidationException} naming the field
     * at fault ({@code lines[0].quantity}) for anything malformed or breaking a rule.
     */
    <T> T decode(Class<T> type, JsonObject json) {
        return codecs.of(type).decode(json);
    }

    /** Sends the command for the request's principal under its correlation id; succeeds once its events are durable. */
    Future<Receipt> send(RoutingContext ctx, Command command) {
        return dispatcher.send(envelope(ctx, command));
    }

    /** Asks the query for the request's principal under its correlation id. */
    <R> Future<R> ask(RoutingContext ctx, Query<R> query) {
        return dispatcher.ask(envelope(ctx, query));
    }

    /** The JSON of a read model. */
    JsonObject encode(Object model) {
        return codecs.encode(model);
    }

    private <M> Envelope<M> envelope(RoutingContext ctx, M payload) {
        return Envelope.create(Authentication.principalOf(ctx), codecs.typeOf(payload), payload)
                .withCorrelationId(Correlation.uuidOf(Correlation.idOf(ctx)));
    }
}
