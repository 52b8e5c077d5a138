package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.WhizbangException;
import io.whizbang.projection.DeadLetter;
import io.whizbang.runtime.PerspectiveHealth;
import io.whizbang.runtime.ProjectionsClient;
import io.whizbang.security.Principal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Projection health over HTTP, behind the {@link AdminGuard}, through the projections' event-bus API:
 * <pre>
 * GET  /api/control/projections                                   every perspective's position, lag, state
 * GET  /api/control/projections/:name/dead-letters?all=true
 * POST /api/control/projections/:name/dead-letters/:position/retry
 * POST /api/control/projections/:name/dead-letters/:position/skip
 * POST /api/control/perspectives/:name/rebuild                    (agents' rebuilders when no projections API answers)
 * </pre>
 * Retry, skip and rebuild are audited. An unknown perspective is {@code NOT_FOUND}.
 */
final class ProjectionRoutes {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private final ProjectionsClient projections;
    private final ControlCommands commands;
    private final long defaultDeadline;

    ProjectionRoutes(ProjectionsClient projections, ControlCommands commands, long defaultDeadline) {
        this.projections = projections;
        this.commands = commands;
        this.defaultDeadline = defaultDeadline;
    }

    void mount(Router router) {
        router.get("/api/control/projections").handler(ctx -> Requests.answer(ctx, projections.status()
                .recover(failure -> Future.failedFuture(Replies.failure(failure, "the projections"))),
                ProjectionRoutes::healthJson));
        router.get("/api/control/projections/:name/dead-letters").handler(ctx -> {
            String name = name(ctx);
            boolean all = "true".equals(ctx.queryParams().get("all"));
            Requests.answer(ctx, known(name).compose(health -> projections.deadLetters(name, all)),
                    ProjectionRoutes::lettersJson);
        });
        router.post("/api/control/projections/:name/dead-letters/:position/retry").handler(ctx ->
                resolve(ctx, "retry-dead-letter", true));
        router.post("/api/control/projections/:name/dead-letters/:position/skip").handler(ctx ->
                resolve(ctx, "skip-dead-letter", false));
        router.post("/api/control/perspectives/:name/rebuild").handler(this::rebuild);
    }

    private void resolve(RoutingContext ctx, String kind, boolean retry) {
        String name = name(ctx);
        long position = Requests.pathLong(ctx, "position");
        Principal admin = AdminGuard.principalOf(ctx);
        String target = name + "@" + position;
        Future<DeadLetter> done = known(name).compose(health -> retry ? projections.retry(name, position)
                : projections.skip(name, position))
                .recover(failure -> Future.failedFuture(Replies.failure(failure, "the projections")));
        Requests.answer(ctx, audit(admin, kind, target, done.map(DeadLetter::toJson)), json -> json);
    }

    private void rebuild(RoutingContext ctx) {
        String name = name(ctx);
        Principal admin = AdminGuard.principalOf(ctx);
        long deadline = Requests.longParam(ctx, "deadlineMillis", defaultDeadline, 1,
                ControlPlaneOptions.MAX_DEADLINE_MILLIS);
        Future<JsonObject> started = known(name).compose(health -> projections.rebuild(name))
                .map(health -> new JsonObject().put("status", "ok").put("perspective", health.toJson()));
        Requests.answer(ctx, started.transform(done -> {
            if (done.failed() && WhizbangException.wrap(done.cause()).code() == ErrorCode.UNAVAILABLE) {
                // no projections API on the bus: the agents' rebuilders are the way left
                return commands.rebuild(admin, name, deadline).map(ControlResult::toJson);
            }
            return audit(admin, "rebuild", name, done.succeeded() ? Future.succeededFuture(done.result())
                    : Future.failedFuture(done.cause()));
        }), json -> json);
    }

    /** The perspective's health, or NOT_FOUND naming the perspectives there are. */
    private Future<PerspectiveHealth> known(String name) {
        return projections.status().recover(failure -> Future.failedFuture(Replies.failure(failure,
                "the projections"))).compose(all -> {
                    for (PerspectiveHealth health : all) {
                        if (health.perspective().equals(name)) {
                            return Future.succeededFuture(health);
                        }
                    }
                    return Future.failedFuture(PermanentException.notFound("no perspective named " + name
                            + "; there are " + all.stream().map(PerspectiveHealth::perspective).toList()));
                });
    }

    private Future<JsonObject> audit(Principal admin, String kind, String target, Future<JsonObject> outcome) {
        return outcome.transform(done -> {
            JsonObject result = done.succeeded() ? done.result() : new JsonObject()
                    .put("code", WhizbangException.wrap(done.cause()).code().name())
                    .put("detail", WhizbangException.wrap(done.cause()).getMessage());
            return commands.audited(admin, kind, target, done.succeeded() ? "ok" : "failed", result)
                    .compose(recorded -> done.succeeded() ? Future.succeededFuture(done.result())
                            : Future.failedFuture(done.cause()));
        });
    }

    private static String name(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (name == null || !NAME.matcher(name).matches()) {
            throw PermanentException.invalid("a perspective name is 1-100 letters, digits, '.', ':', '_' or '-'");
        }
        return name;
    }

    private static JsonObject healthJson(List<PerspectiveHealth> all) {
        JsonArray items = new JsonArray();
        all.forEach(health -> items.add(health.toJson()));
        return new JsonObject().put("perspectives", items);
    }

    private static JsonObject lettersJson(List<DeadLetter> letters) {
        JsonArray items = new JsonArray();
        letters.forEach(letter -> items.add(letter.toJson()));
        return new JsonObject().put("items", items);
    }
}
