package io.whizbang.control;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.Scopes;
import io.whizbang.security.Principal;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's data: a placed order's journey, its streams with time travel, the flow map and the metrics; and
 * the admin guard on every route.
 */
class DashboardApiTest extends ControlPlaneTestBase {
    @Test
    void aPlacedOrdersJourneyShowsTheCommandItsEventsTheirConsumersAndTheSagasFollowUpCommands() {
        Receipt placed = placeOrder("SKU-1", 2);
        await(backend.settle());

        HttpResponse<Buffer> response = get("/api/control/journeys?correlationId=" + placed.correlationId(), admin());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject root = response.bodyAsJsonObject().getJsonObject("root");
        assertThat(root.getString("kind")).isEqualTo("request");
        JsonObject command = child(root, "command", "PlaceOrder");
        assertThat(command.getString("id")).isEqualTo(placed.commandId().toString());
        assertThat(command.getDouble("durationMs")).isNotNull();
        JsonObject event = child(command, "event", "OrderPlaced");
        assertThat(event.getString("stream")).isEqualTo(placed.stream().value());
        child(event, "perspective", "order-summary");
        JsonObject saga = child(event, "saga", "order-fulfillment");
        JsonObject reserve = child(saga, "command", "ReserveStock");
        child(reserve, "event", "StockReserved");
    }

    @Test
    void journeysAreFoundByMessageIdAndByTenantAndType() {
        Receipt placed = placeOrder("SKU-2", 1);
        await(backend.settle());

        JsonObject byEvent = get("/api/control/journeys?messageId=" + placed.eventIds().get(0), admin())
                .bodyAsJsonObject();
        assertThat(byEvent.getString("correlationId")).isEqualTo(placed.correlationId().toString());

        JsonArray found = get("/api/control/journeys?tenant=acme&type=OrderPlaced", admin()).bodyAsJsonObject()
                .getJsonArray("journeys");
        assertThat(found.stream().map(j -> ((JsonObject) j).getString("correlationId")))
                .contains(placed.correlationId().toString());
        assertThat(get("/api/control/journeys?tenant=acme&type=NoSuchEvent", admin()).bodyAsJsonObject()
                .getJsonArray("journeys")).isEmpty();

        java.time.Instant now = java.time.Instant.now();
        assertThat(get("/api/control/journeys?type=OrderPlaced&from=" + now.minusSeconds(600) + "&to="
                + now.plusSeconds(600), admin()).bodyAsJsonObject().getJsonArray("journeys")).isNotEmpty();
        assertThat(get("/api/control/journeys?type=OrderPlaced&from=" + now.plusSeconds(600), admin())
                .bodyAsJsonObject().getJsonArray("journeys")).isEmpty();
    }

    @Test
    void aRefusedCommandShowsInItsJourneyWithItsErrorCode() {
        Principal alice = new Principal("alice", ACME, java.util.Set.of(Scopes.ORDERS_WRITE));
        Throwable refused = dispatcher.send(alice, new io.whizbang.examples.orders.ship.ShipOrder(
                java.util.UUID.randomUUID())).toCompletionStage().toCompletableFuture()
                .handle((receipt, failure) -> failure).join();
        assertThat(refused).isNotNull();

        JsonArray found = get("/api/control/journeys?type=ShipOrder", admin()).bodyAsJsonObject()
                .getJsonArray("journeys");
        assertThat(found).hasSize(1);
        assertThat(found.getJsonObject(0).getBoolean("failed")).isTrue();
        JsonObject root = get("/api/control/journeys?correlationId=" + found.getJsonObject(0)
                .getString("correlationId"), admin()).bodyAsJsonObject().getJsonObject("root");
        JsonObject command = child(root, "command", "ShipOrder");
        assertThat(command.getJsonObject("failure").getString("code")).isIn("NOT_FOUND", "CONFLICT");
        assertThat(command.getJsonArray("children")).isEmpty();
    }

    @Test
    void badSearchInputIsACodedErrorAndAnotherTenantIsDenied() {
        assertThat(problemCode(get("/api/control/journeys?correlationId=nope", admin()))).isEqualTo("INVALID_ARGUMENT");
        assertThat(problemCode(get("/api/control/journeys?from=yesterday", admin()))).isEqualTo("INVALID_ARGUMENT");
        assertThat(problemCode(get("/api/control/journeys?correlationId=00000000-0000-0000-0000-000000000000",
                admin()))).isEqualTo("NOT_FOUND");
        assertThat(problemCode(get("/api/control/journeys?tenant=globex", admin()))).isEqualTo("PERMISSION_DENIED");
        assertThat(problemCode(get("/api/control/streams?tenant=globex", admin()))).isEqualTo("PERMISSION_DENIED");
        assertThat(problemCode(get("/api/control/streams/not%20a%20stream/events", admin())))
                .isEqualTo("INVALID_ARGUMENT");
        // a quote in a search parameter is just a value that matches nothing
        assertThat(get("/api/control/journeys?type=x'%20OR%20'1'='1", admin()).bodyAsJsonObject()
                .getJsonArray("journeys")).isEmpty();
    }

    @Test
    void theStreamExplorerPagesThroughEventsAndTravelsToAnyVersion() {
        Receipt placed = placeOrder("SKU-3", 3);
        await(backend.settle());
        Principal alice = new Principal("alice", ACME, java.util.Set.of(Scopes.ORDERS_WRITE));
        await(dispatcher.send(alice, new io.whizbang.examples.orders.ship.ShipOrder(
                java.util.UUID.fromString(placed.stream().id()))));
        String stream = placed.stream().value();

        JsonArray streams = get("/api/control/streams?category=Order", admin()).bodyAsJsonObject()
                .getJsonArray("items");
        assertThat(streams.stream().map(s -> ((JsonObject) s).getString("stream"))).contains(stream);

        JsonObject first = get("/api/control/streams/" + stream + "/events?limit=1", admin()).bodyAsJsonObject();
        assertThat(first.getJsonArray("items").getJsonObject(0).getString("type")).isEqualTo("OrderPlaced");
        long versions = first.getLong("streamVersion");
        assertThat(versions).isEqualTo(3);
        List<String> types = new ArrayList<>();
        String cursor = "1";
        while (cursor != null) {
            JsonObject page = get("/api/control/streams/" + stream + "/events?limit=1&from=" + cursor, admin())
                    .bodyAsJsonObject();
            page.getJsonArray("items").forEach(e -> types.add(((JsonObject) e).getString("type")));
            cursor = page.getString("nextCursor");
        }
        assertThat(types).containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped");

        JsonObject atOne = get("/api/control/streams/" + stream + "/state?version=1", admin()).bodyAsJsonObject();
        JsonObject latest = get("/api/control/streams/" + stream + "/state", admin()).bodyAsJsonObject();
        assertThat(atOne.getLong("version")).isEqualTo(1);
        assertThat(atOne.encode()).contains("PLACED").doesNotContain("SHIPPED");
        assertThat(latest.getLong("version")).isEqualTo(3);
        assertThat(latest.encode()).contains("SHIPPED");
        assertThat(problemCode(get("/api/control/streams/Order-" + java.util.UUID.randomUUID() + "/state", admin())))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void rebuildingAnUnknownPerspectiveIsNotFoundAndABadNameIsInvalid() {
        HttpResponse<Buffer> unknown = post("/api/control/perspectives/no-such-view/rebuild", admin(),
                new JsonObject());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problemCode(unknown)).isEqualTo("NOT_FOUND");
        assertThat(unknown.bodyAsJsonObject().getString("detail")).contains("no-such-view");

        assertThat(problemCode(post("/api/control/perspectives/bad%20name/rebuild", admin(), new JsonObject())))
                .isEqualTo("INVALID_ARGUMENT");
        assertThat(problemCode(post("/api/control/projections/order-summary/dead-letters/zero/retry", admin(),
                new JsonObject()))).isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void theFlowMapComesFromTheDispatcher() {
        JsonObject map = get("/api/control/flow-map", admin()).bodyAsJsonObject();

        assertThat(map.getString("application")).isEqualTo("sample");
        assertThat(map.getJsonArray("commands").encode()).contains("PlaceOrder");
    }

    @Test
    void metricsAreServedInThePrometheusFormatPerTenant() {
        placeOrder("SKU-4", 1);

        Awaitility.await().untilAsserted(() -> {
            String metrics = get("/metrics", null).bodyAsString();
            assertThat(metrics).contains("whizbang_commands_seconds_count{outcome=\"ok\",tenant=\"acme\",type=\"PlaceOrder\"}");
            assertThat(metrics).contains("whizbang_appended_events_total{tenant=\"acme\"}");
            assertThat(metrics).contains("whizbang_ledger_head");
        });
        JsonObject summary = get("/api/control/metrics/summary", admin()).bodyAsJsonObject();
        assertThat(summary.getJsonObject("totals").getLong("commands")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyControlRouteAndTheDashboardsDataRefuseATokenWithoutTheAdminScope() {
        String user = token(ACME, Scopes.ORDERS_WRITE, Scopes.ORDERS_READ);
        List<Object[]> routes = List.of(
                new Object[] {HttpMethod.GET, "/api/control/services"},
                new Object[] {HttpMethod.POST, "/api/control/log-level"},
                new Object[] {HttpMethod.GET, "/api/control/flags"},
                new Object[] {HttpMethod.PUT, "/api/control/flags/x"},
                new Object[] {HttpMethod.POST, "/api/control/caches/x/clear"},
                new Object[] {HttpMethod.POST, "/api/control/health-checks"},
                new Object[] {HttpMethod.POST, "/api/control/perspectives/order-summary/rebuild"},
                new Object[] {HttpMethod.GET, "/api/control/audit"},
                new Object[] {HttpMethod.GET, "/api/control/journeys"},
                new Object[] {HttpMethod.GET, "/api/control/streams"},
                new Object[] {HttpMethod.GET, "/api/control/streams/Order-1/events"},
                new Object[] {HttpMethod.GET, "/api/control/streams/Order-1/state"},
                new Object[] {HttpMethod.GET, "/api/control/flow-map"},
                new Object[] {HttpMethod.GET, "/api/control/metrics/summary"},
                new Object[] {HttpMethod.GET, "/api/control/live"},
                new Object[] {HttpMethod.GET, "/api/control/projections"},
                new Object[] {HttpMethod.GET, "/api/control/projections/order-summary/dead-letters"},
                new Object[] {HttpMethod.POST, "/api/control/projections/order-summary/dead-letters/1/retry"},
                new Object[] {HttpMethod.POST, "/api/control/projections/order-summary/dead-letters/1/skip"});
        for (Object[] route : routes) {
            HttpResponse<Buffer> forbidden = await(request((HttpMethod) route[0], (String) route[1], user)
                    .sendJsonObject(new JsonObject()));
            assertThat(forbidden.statusCode()).as("%s %s", route[0], route[1]).isEqualTo(403);
            assertThat(forbidden.bodyAsJsonObject().getString("code")).isEqualTo("PERMISSION_DENIED");
            HttpResponse<Buffer> anonymous = await(request((HttpMethod) route[0], (String) route[1], null)
                    .sendJsonObject(new JsonObject()));
            assertThat(anonymous.statusCode()).as("%s %s", route[0], route[1]).isEqualTo(401);
        }
        assertThat(get("/api/control/audit", admin()).bodyAsJsonObject().getJsonArray("items")).isEmpty();
    }

    @Test
    void theDashboardIsServedFromTheJarWithoutAToken() {
        HttpResponse<Buffer> index = get("/", null);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.bodyAsString()).contains("<script type=\"module\" src=\"app.js\">").doesNotContain("http");
        assertThat(get("/app.js", null).statusCode()).isEqualTo(200);
        assertThat(problemCode(get("/api/control/nothing", admin()))).isEqualTo("NOT_FOUND");
    }

    private static String problemCode(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getString("code");
    }

    private static JsonObject child(JsonObject node, String kind, String type) {
        for (Object item : node.getJsonArray("children")) {
            JsonObject child = (JsonObject) item;
            if (kind.equals(child.getString("kind")) && type.equals(child.getString("type"))) {
                return child;
            }
        }
        throw new AssertionError("no " + kind + " " + type + " under " + node.getString("kind") + " "
                + node.getString("type") + ": " + node.getJsonArray("children").encodePrettily());
    }
}
