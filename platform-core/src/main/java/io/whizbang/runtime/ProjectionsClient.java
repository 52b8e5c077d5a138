package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.PermanentException;
import io.whizbang.impl.dispatch.Failures;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.ReadYourWrites;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The projections runtime of this JVM or another, reached over the event bus at the {@link ProjectionsAddresses} of
 * a prefix where a {@link ProjectionsEndpoint} serves it: health, rebuilds and dead letters for the control plane
 * and the launcher, read-your-writes for dispatchers.
 *
 * <p>Errors arrive as the {@link io.whizbang.error.WhizbangException}s the runtime raised ({@code NOT_FOUND} for an
 * unknown perspective, {@code CONFLICT} for a rebuild that already runs, ...); a runtime that does not answer is
 * {@code UNAVAILABLE}, or {@code TIMEOUT} when the request timed out.
 */
public final class ProjectionsClient {
    /** Default time a request waits for its answer. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    private final Vertx vertx;
    private final ProjectionsAddresses addresses;
    private final DeliveryOptions delivery;

    private ProjectionsClient(Vertx vertx, ProjectionsAddresses addresses, long timeoutMillis) {
        this.vertx = vertx;
        this.addresses = addresses;
        this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis);
    }

    /** A client of the projections served at the default prefix, {@code whizbang}. */
    public static ProjectionsClient create(Vertx vertx) {
        return create(vertx, ProjectionsOptions.DEFAULT_ADDRESS_PREFIX);
    }

    /** A client of the projections served at the addresses of the prefix. */
    public static ProjectionsClient create(Vertx vertx, String addressPrefix) {
        return new ProjectionsClient(Objects.requireNonNull(vertx, "vertx"), new ProjectionsAddresses(addressPrefix),
                DEFAULT_TIMEOUT_MILLIS);
    }

    /** The addresses this client calls. */
    public ProjectionsAddresses addresses() {
        return addresses;
    }

    /** The health of every perspective. */
    public Future<List<PerspectiveHealth>> status() {
        return call(addresses.status(), new JsonObject()).map(ProjectionsClient::healthList);
    }

    /** The health of one perspective. */
    public Future<PerspectiveHealth> status(String perspective) {
        return call(addresses.status(), new JsonObject().put("perspective", perspective))
                .map(json -> healthList(json).get(0));
    }

    /** Starts rebuilding the perspective; answers its health with the rebuild's progress. */
    public Future<PerspectiveHealth> rebuild(String perspective) {
        return call(addresses.rebuild(), new JsonObject().put("perspective", perspective))
                .map(PerspectiveHealth::fromJson);
    }

    /**
     * Starts rebuilding the perspective and completes once the new generation has taken over, with the health
     * then; {@code progress} receives the health every {@code pollMillis} meanwhile, for a progress display. Fails
     * with {@code CONFLICT} when the rebuild stops with a failure.
     */
    public Future<PerspectiveHealth> rebuildAndWait(String perspective, long pollMillis,
                                                    Consumer<PerspectiveHealth> progress) {
        return rebuild(perspective).compose(started -> {
            progress.accept(started);
            int target = started.rebuild() == null ? started.generation() : started.rebuild().generation();
            Promise<PerspectiveHealth> done = Promise.promise();
            poll(perspective, target, pollMillis, progress, done);
            return done.future();
        });
    }

    private void poll(String perspective, int target, long pollMillis, Consumer<PerspectiveHealth> progress,
                      Promise<PerspectiveHealth> done) {
        vertx.setTimer(pollMillis, id -> status(perspective).onComplete(answer -> {
            if (answer.failed()) {
                done.fail(answer.cause());
                return;
            }
            PerspectiveHealth health = answer.result();
            progress.accept(health);
            if (health.generation() >= target) {
                done.complete(health);
            } else if (health.rebuild() != null && health.rebuild().failure() != null) {
                done.fail(PermanentException.conflict("the rebuild of " + perspective + " failed: "
                        + health.rebuild().failure()));
            } else if (health.rebuild() == null) {
                done.fail(PermanentException.conflict("the rebuild of " + perspective + " (generation " + target
                        + ") stopped before it took over"));
            } else {
                poll(perspective, target, pollMillis, progress, done);
            }
        }));
    }

    /** The perspective's parked dead letters, in position order. */
    public Future<List<DeadLetter>> deadLetters(String perspective) {
        return deadLetters(perspective, false);
    }

    /** The perspective's dead letters, the retried and skipped ones too when {@code all}. */
    public Future<List<DeadLetter>> deadLetters(String perspective, boolean all) {
        return call(addresses.deadLettersList(), new JsonObject().put("perspective", perspective).put("all", all))
                .map(json -> {
                    List<DeadLetter> letters = new ArrayList<>();
                    json.getJsonArray("deadLetters", new JsonArray())
                            .forEach(letter -> letters.add(DeadLetter.fromJson((JsonObject) letter)));
                    return letters;
                });
    }

    /** Retries the parked event at the position; answers the letter, now retried. */
    public Future<DeadLetter> retry(String perspective, long position) {
        return call(addresses.deadLettersRetry(), new JsonObject().put("perspective", perspective)
                .put("position", position)).map(json -> DeadLetter.fromJson(json.getJsonObject("deadLetter")));
    }

    /** Skips the parked event at the position; answers the letter, now skipped. */
    public Future<DeadLetter> skip(String perspective, long position) {
        return call(addresses.deadLettersSkip(), new JsonObject().put("perspective", perspective)
                .put("position", position)).map(json -> DeadLetter.fromJson(json.getJsonObject("deadLetter")));
    }

    /**
     * Read-your-writes for a dispatcher in any process: waits for the runtime's inline perspectives to commit the
     * position. Fails, and the dispatcher answers anyway, when no runtime serves the address or it times out.
     */
    public ReadYourWrites readYourWrites() {
        return position -> call(addresses.awaitInline(), new JsonObject().put("position", position)).mapEmpty();
    }

    private Future<JsonObject> call(String address, JsonObject body) {
        return vertx.eventBus().<JsonObject>request(address, body, delivery).map(Message::body)
                .recover(failure -> Future.failedFuture(Failures.fromReply(failure, address)));
    }

    private static List<PerspectiveHealth> healthList(JsonObject json) {
        List<PerspectiveHealth> all = new ArrayList<>();
        json.getJsonArray("perspectives", new JsonArray())
                .forEach(one -> all.add(PerspectiveHealth.fromJson((JsonObject) one)));
        return all;
    }
}
