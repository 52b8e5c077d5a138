package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.Receipt;
import io.whizbang.message.Command;
import io.whizbang.message.Query;


/**
 * The sample's receptors and lenses as the gateway reaches them: through the dispatcher on the event bus, as the
 * operation's caller, under its correlation id; answers come back as the JSON the generated codecs write, which the
 * schema's fields read by key.
 */
final class BackendCalls {
    private final Dispatcher dispatcher;
    private final Codecs codecs;

    BackendCalls(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        this.codecs = dispatcher.codecs();
    }

    /** Asks the query of its lens as the caller; the answer as the JSON its codec writes. */
    <R, Q extends Query<R>> Future<JsonObject> ask(Caller caller, Q query) {
        return caller.principal()
                .compose(principal -> dispatcher.<R>ask(caller.envelope(principal, codecs.typeOf(query), query)))
                .map(codecs::encode);
    }

    /** Sends the command to its receptor as the caller; succeeds with the receipt once its events are durable. */
    <C extends Command> Future<Receipt> send(Caller caller, C command) {
        return caller.principal()
                .compose(principal -> dispatcher.send(caller.envelope(principal, codecs.typeOf(command), command)));
    }

    /** The codecs of the sample's messages. */
    Codecs codecs() {
        return codecs;
    }
}
