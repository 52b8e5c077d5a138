package io.whizbang.control;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.security.Principal;

/**
 * The dashboard's data, behind the {@link AdminGuard}; an administrator sees their own tenant's data, or every
 * tenant's with {@value Principal#SYSTEM_SCOPE}:
 * <pre>
 * GET /api/control/journeys?correlationId=&amp;messageId=&amp;tenant=&amp;type=&amp;from=&amp;to=
 * GET /api/control/streams?tenant=&amp;category=&amp;cursor=&amp;limit=
 * GET /api/control/streams/:stream/events?tenant=&amp;from=&amp;limit=
 * GET /api/control/streams/:stream/state?tenant=&amp;version=
 * GET /api/control/flow-map
 * GET /api/control/metrics/summary
 * </pre>
 */
final class DashboardRoutes {
    private final Journeys journeys;
    private final StreamBrowser streams;
    private final FlowMap flowMap;
    private final LiveFeed live;

    DashboardRoutes(Journeys journeys, StreamBrowser streams, FlowMap flowMap, LiveFeed live) {
        this.journeys = journeys;
        this.streams = streams;
        this.flowMap = flowMap;
        this.live = live;
    }

    void mount(Router router) {
        router.get("/api/control/journeys").handler(this::journeys);
        router.get("/api/control/streams").handler(ctx -> {
            Principal admin = AdminGuard.principalOf(ctx);
            String tenant = Scope.tenant(admin, Requests.textParam(ctx, "tenant", 100));
            Requests.answer(ctx, streams.streams(tenant, Requests.textParam(ctx, "category", 64),
                    (int) Requests.longParam(ctx, "cursor", 0, 0, Integer.MAX_VALUE),
                    (int) Requests.longParam(ctx, "limit", 50, 1, 500)), json -> json);
        });
        router.get("/api/control/streams/:stream/events").handler(ctx -> {
            Principal admin = AdminGuard.principalOf(ctx);
            String tenant = Scope.tenant(admin, Requests.textParam(ctx, "tenant", 100));
            Requests.answer(ctx, streams.events(tenant, ctx.pathParam("stream"),
                    Requests.longParam(ctx, "from", 1, 1, Long.MAX_VALUE),
                    (int) Requests.longParam(ctx, "limit", 20, 1, 500)), json -> json);
        });
        router.get("/api/control/streams/:stream/state").handler(ctx -> {
            Principal admin = AdminGuard.principalOf(ctx);
            String tenant = Scope.tenant(admin, Requests.textParam(ctx, "tenant", 100));
            Requests.answer(ctx, streams.state(tenant, ctx.pathParam("stream"),
                    Requests.longParam(ctx, "version", 0, 0, Long.MAX_VALUE)), json -> json);
        });
        router.get("/api/control/flow-map").handler(ctx -> Requests.answer(ctx, flowMap.load(), FlowMap.Map::json));
        router.get("/api/control/metrics/summary").handler(ctx -> Requests.json(ctx, 200, live.snapshot()));
        router.get("/api/control/live").handler(live::subscribe);
    }

    private void journeys(RoutingContext ctx) {
        Principal admin = AdminGuard.principalOf(ctx);
        String tenant = Requests.textParam(ctx, "tenant", 100);
        if (tenant != null) {
            Scope.tenant(admin, tenant);
        }
        Journeys.Search search = Journeys.Search.of(Requests.textParam(ctx, "correlationId", 64),
                Requests.textParam(ctx, "messageId", 64), tenant, Requests.textParam(ctx, "type", 200),
                Requests.textParam(ctx, "from", 64), Requests.textParam(ctx, "to", 64));
        Requests.answer(ctx, journeys.search(admin, search), json -> json);
    }

}
