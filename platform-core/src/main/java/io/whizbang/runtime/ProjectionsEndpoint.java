package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.JsonRead;
import io.whizbang.error.ValidationException;
import io.whizbang.impl.dispatch.Failures;
import io.whizbang.message.MessageIds;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.ReadYourWrites;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The projections runtime served on the event bus at the {@link ProjectionsAddresses} of a prefix, for the control
 * plane, the launcher's {@code rebuild} command and remote dispatchers, through a {@link ProjectionsClient}.
 *
 * <p>Requests and answers are the JSON objects {@link ProjectionsAddresses} lists; a failure is answered with its
 * error code's wire number and message, never a stack trace, and a malformed request with
 * {@code INVALID_ARGUMENT}. The endpoint does not check who asks: the control plane in front of it requires
 * {@code whizbang:admin}.
 */
public final class ProjectionsEndpoint {
    private final Vertx vertx;
    private final Projections projections;
    private final ProjectionsAddresses addresses;
    private final ReadYourWrites inline;
    private final List<MessageConsumer<Object>> consumers = new ArrayList<>();

    private ProjectionsEndpoint(Vertx vertx, Projections projections, ProjectionsAddresses addresses) {
        this.vertx = vertx;
        this.projections = projections;
        this.addresses = addresses;
        this.inline = projections.readYourWrites();
    }

    /**
     * Serves the projections at the addresses of the prefix; completes once every address is registered. Closing
     * the endpoint does not stop the projections.
     */
    public static Future<ProjectionsEndpoint> serve(Vertx vertx, Projections projections, String addressPrefix) {
        ProjectionsEndpoint endpoint = new ProjectionsEndpoint(vertx, projections,
                new ProjectionsAddresses(addressPrefix));
        return endpoint.start().map(endpoint);
    }

    /** The addresses served. */
    public ProjectionsAddresses addresses() {
        return addresses;
    }

    /** Stops serving. */
    public Future<Void> close() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    }

    private Future<Void> start() {
        serve(addresses.status(), body -> {
            String perspective = JsonRead.optional(body, "perspective", JsonRead.STRING).orElse(null);
            Future<List<PerspectiveHealth>> health = perspective == null ? projections.health()
                    : projections.health(perspective).map(List::of);
            return health.map(all -> new JsonObject().put("perspectives",
                    new JsonArray(all.stream().map(one -> (Object) one.toJson()).toList())));
        });
        serve(addresses.rebuild(), body -> projections.rebuild(perspective(body)).map(PerspectiveHealth::toJson));
        serve(addresses.deadLettersList(), body -> {
            boolean all = JsonRead.optional(body, "all", JsonRead.BOOLEAN).orElse(false);
            return projections.deadLetters(perspective(body)).map(letters -> new JsonObject().put("deadLetters",
                    new JsonArray(letters.stream().filter(letter -> all || letter.isParked())
                            .map(letter -> (Object) letter.toJson()).toList())));
        });
        serve(addresses.deadLettersRetry(), body -> projections.retry(perspective(body), position(body))
                .map(ProjectionsEndpoint::letter));
        serve(addresses.deadLettersSkip(), body -> projections.skip(perspective(body), position(body))
                .map(ProjectionsEndpoint::letter));
        serve(addresses.awaitInline(), body -> inline.awaitCommitted(JsonRead.required(body, "position",
                JsonRead.LONG)).map(done -> new JsonObject()));
        return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
    }

    private static String perspective(JsonObject body) {
        return JsonRead.required(body, "perspective", JsonRead.STRING);
    }

    private static long position(JsonObject body) {
        long position = JsonRead.required(body, "position", JsonRead.LONG);
        if (position < 1) {
            throw new ValidationException("position", "must be a global position, from 1");
        }
        return position;
    }

    private static JsonObject letter(DeadLetter letter) {
        return new JsonObject().put("deadLetter", letter.toJson());
    }

    private void serve(String address, Function<JsonObject, Future<JsonObject>> handler) {
        consumers.add(vertx.eventBus().consumer(address, message -> {
            try {
                if (!(message.body() instanceof JsonObject body)) {
                    throw new ValidationException("", "a request to " + address + " must be a JSON object");
                }
                handler.apply(body)
                        .onSuccess(message::reply)
                        .onFailure(failure -> Failures.reply(message, failure, MessageIds.next()));
            } catch (RuntimeException e) {
                Failures.reply(message, e, MessageIds.next());
            }
        }));
    }
}
