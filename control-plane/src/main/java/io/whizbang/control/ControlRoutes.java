package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.error.PermanentException;
import io.whizbang.operations.ControlAnswer;
import io.whizbang.operations.ControlOutcome;

/**
 * The control commands over HTTP, every route behind the {@link AdminGuard}:
 * <pre>
 * GET  /api/control/services                          the services whose agents answer
 * POST /api/control/log-level            {logger, level}
 * GET  /api/control/flags                             the persisted flags
 * PUT  /api/control/flags/:flag          {enabled}
 * POST /api/control/caches/:cache/clear
 * POST /api/control/health-checks                     every service's checks, with the aggregate
 * GET  /api/control/audit?limit=&amp;cursor=&amp;kind=&amp;subject=
 * </pre>
 * Command routes take {@code ?deadlineMillis=} (1-30,000) and answer the services that applied, failed, had nothing
 * to do, and did not answer.
 */
final class ControlRoutes {
    private final ControlCommands commands;
    private final Roster roster;
    private final AuditLog audit;
    private final FlagStore flags;
    private final io.vertx.core.Vertx vertx;
    private final long defaultDeadline;

    ControlRoutes(io.vertx.core.Vertx vertx, ControlCommands commands, Roster roster, AuditLog audit, FlagStore flags,
                  long defaultDeadline) {
        this.vertx = vertx;
        this.commands = commands;
        this.roster = roster;
        this.audit = audit;
        this.flags = flags;
        this.defaultDeadline = defaultDeadline;
    }

    void mount(Router router) {
        router.get("/api/control/services").handler(ctx -> Requests.json(ctx, 200,
                new JsonObject().put("services", roster.toJson())));
        router.post("/api/control/log-level").handler(ctx -> {
            JsonObject body = Requests.body(ctx);
            Requests.answer(ctx, commands.setLogLevel(AdminGuard.principalOf(ctx), body.getString("logger"),
                    stringOf(body, "level"), deadline(ctx)), ControlResult::toJson);
        });
        router.get("/api/control/flags").handler(ctx -> Requests.json(ctx, 200,
                new JsonObject().put("flags", flags.toJson())));
        router.put("/api/control/flags/:flag").handler(ctx -> {
            JsonObject body = Requests.body(ctx);
            Object enabled = body.getValue("enabled");
            Requests.answer(ctx, commands.setFlag(AdminGuard.principalOf(ctx), ctx.pathParam("flag"),
                    enabled instanceof Boolean on ? on : null, deadline(ctx)), ControlResult::toJson);
        });
        router.post("/api/control/caches/:cache/clear").handler(ctx -> Requests.answer(ctx,
                commands.clearCache(AdminGuard.principalOf(ctx), ctx.pathParam("cache"), deadline(ctx)),
                ControlResult::toJson));
        router.post("/api/control/health-checks").handler(ctx -> Requests.answer(ctx,
                commands.healthChecks(AdminGuard.principalOf(ctx), deadline(ctx)).compose(this::aggregate),
                json -> json));
        router.get("/api/control/audit").handler(this::auditPage);
    }

    private void auditPage(RoutingContext ctx) {
        int limit = (int) Requests.longParam(ctx, "limit", 50, 1, 500);
        long cursor = Requests.longParam(ctx, "cursor", 0, 0, Long.MAX_VALUE);
        Requests.json(ctx, 200, audit.page(cursor, limit, Requests.textParam(ctx, "kind", 40),
                Requests.textParam(ctx, "subject", 200)));
    }

    /** The health answers folded by Vert.x Health Checks: one procedure per service instance. */
    private Future<JsonObject> aggregate(ControlResult result) {
        HealthChecks checks = HealthChecks.create(vertx);
        for (ControlAnswer answer : result.answers()) {
            String id = answer.service() + "/" + answer.instance();
            JsonObject detail = answer.detail().copy().put("message", answer.message());
            checks.register(id, promise -> promise.complete(answer.outcome() == ControlOutcome.APPLIED
                    ? Status.OK(detail) : Status.KO(detail)));
        }
        for (Roster.Member silent : result.silent()) {
            checks.register(silent.service() + "/" + silent.instance(), promise -> promise.complete(
                    Status.KO(new JsonObject().put("message", "did not answer in time"))));
        }
        return checks.checkStatus().map(status -> result.toJson().put("health", status.toJson())
                .put("up", Boolean.TRUE.equals(status.getUp())));
    }

    private long deadline(RoutingContext ctx) {
        return Requests.longParam(ctx, "deadlineMillis", defaultDeadline, 1, ControlPlaneOptions.MAX_DEADLINE_MILLIS);
    }

    private static String stringOf(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw PermanentException.invalid(field + " must be a string");
        }
        return (String) value;
    }

}
