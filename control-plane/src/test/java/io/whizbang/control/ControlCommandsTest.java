package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.whizbang.operations.ControlAddresses;
import io.whizbang.operations.ControlAgentVerticle;
import io.whizbang.operations.FeatureFlags;
import io.whizbang.operations.NamedCaches;
import io.whizbang.operations.ServiceChecks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

/**
 * Control commands broadcast to several agents, one of which never answers: each command reports who applied it, who
 * failed and who stayed silent, and is audited.
 */
class ControlCommandsTest extends ControlPlaneTestBase {
    /** Kept so the logger exists while the test sets its level. */
    private static final Logger ORDERS_LOG = Logger.getLogger("io.whizbang.examples.testlogger");

    private final List<String> agents = new ArrayList<>();
    private MessageConsumer<JsonObject> silent;

    @BeforeEach
    void startAgents() {
        // three services, each answering from its own verticle's event loop
        for (String service : List.of("ledger", "projections", "web")) {
            agents.add(await(vertx.deployVerticle(new ControlAgentVerticle(service))));
        }
        // a service that says hello and then never answers a command
        silent = vertx.eventBus().consumer(ControlAddresses.defaults().broadcast(), message -> { });
        await(silent.completion());
        vertx.eventBus().publish(ControlAddresses.defaults().roster(), new JsonObject().put("type", "hello")
                .put("service", "stuck").put("instance", "stuck-1"));
        Awaitility.await().until(() -> get("/api/control/services", admin()).bodyAsJsonObject().getJsonArray("services")
                .size() == 5);
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(agent -> await(vertx.undeploy(agent)));
        await(silent.unregister());
        FeatureFlags.of(vertx).replaceAll(Map.of());
    }

    @Test
    void flippingAFlagReportsTheServicesThatAppliedItAndTheOneThatStayedSilent() {
        HttpResponse<Buffer> response = put("/api/control/flags/express-shipping", admin(),
                new JsonObject().put("enabled", true));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject result = response.bodyAsJsonObject();
        assertThat(services(result.getJsonArray("applied")))
                .containsExactlyInAnyOrder("ledger", "projections", "web", "control-plane");
        assertThat(services(result.getJsonArray("silent"))).containsExactly("stuck");
        assertThat(result.getString("status")).isEqualTo("partial");
        assertThat(FeatureFlags.of(vertx).isEnabled("express-shipping")).isTrue();
        assertThat(get("/api/control/flags", admin()).bodyAsJsonObject().getJsonObject("flags")
                .getBoolean("express-shipping")).isTrue();
    }

    @Test
    void flagsAndTheAuditLogSurviveARestartAndReachServicesAgain() {
        put("/api/control/flags/new-checkout", admin(), new JsonObject().put("enabled", true));
        FeatureFlags.of(vertx).replaceAll(Map.of());

        restartControlPlane();

        Awaitility.await().until(() -> FeatureFlags.of(vertx).isEnabled("new-checkout"));
        JsonObject audit = get("/api/control/audit", admin()).bodyAsJsonObject();
        assertThat(audit.getJsonArray("items")).hasSize(1);
        assertThat(audit.getJsonArray("items").getJsonObject(0).getString("kind")).isEqualTo("set-flag");
        assertThat(audit.getJsonArray("items").getJsonObject(0).getString("target")).isEqualTo("new-checkout");
    }

    @Test
    void aServiceStartingLaterLoadsThePersistedFlags() {
        put("/api/control/flags/dark-mode", admin(), new JsonObject().put("enabled", true));
        FeatureFlags.of(vertx).replaceAll(Map.of());

        agents.add(await(vertx.deployVerticle(new ControlAgentVerticle("late"))));

        assertThat(FeatureFlags.of(vertx).isEnabled("dark-mode")).isTrue();
    }

    @Test
    void settingALoggersLevelChangesItInEveryService() {
        HttpResponse<Buffer> response = post("/api/control/log-level", admin(),
                new JsonObject().put("logger", ORDERS_LOG.getName()).put("level", "debug"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getJsonArray("applied")).hasSize(4);
        assertThat(ORDERS_LOG.getLevel()).isEqualTo(Level.FINE);
    }

    @Test
    void anUnknownLoggerIsNotFoundWithEveryServicesAnswer() {
        HttpResponse<Buffer> response = post("/api/control/log-level", admin(),
                new JsonObject().put("logger", "no.such.logger.anywhere").put("level", "INFO"));

        assertThat(response.statusCode()).isEqualTo(404);
        JsonObject problem = response.bodyAsJsonObject();
        assertThat(problem.getString("code")).isEqualTo("NOT_FOUND");
        assertThat(problem.getJsonObject("result").getJsonArray("failed")).hasSize(4);
        assertThat(problem.getJsonObject("result").getJsonArray("silent")).hasSize(1);
    }

    @Test
    void anInvalidLevelIsRefusedBeforeAnythingIsBroadcastAndIsAudited() {
        HttpResponse<Buffer> response = post("/api/control/log-level", admin(),
                new JsonObject().put("logger", ORDERS_LOG.getName()).put("level", "LOUD"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.bodyAsJsonObject().getString("detail")).contains("LOUD");
        JsonObject entry = get("/api/control/audit", admin()).bodyAsJsonObject().getJsonArray("items")
                .getJsonObject(0);
        assertThat(entry.getString("status")).isEqualTo("refused");
        assertThat(entry.getString("subject")).isEqualTo("alice");
    }

    @Test
    void clearingANamedCacheEmptiesItWhereItIsAndIsNotApplicableElsewhere() {
        Map<String, String> cache = new ConcurrentHashMap<>(Map.of("a", "1", "b", "2"));
        Runnable unregister = NamedCaches.of(vertx).register("prices", () -> {
            int size = cache.size();
            cache.clear();
            return size;
        });
        try {
            HttpResponse<Buffer> cleared = post("/api/control/caches/prices/clear", admin(), new JsonObject());
            assertThat(cleared.statusCode()).isEqualTo(200);
            assertThat(cache).isEmpty();
            // every agent of this Vert.x instance shares the cache: the first one to clear it drops both entries
            assertThat(cleared.bodyAsJsonObject().getJsonArray("applied").stream()
                    .map(answer -> ((JsonObject) answer).getJsonObject("detail").getLong("dropped")))
                    .hasSize(4).contains(2L).containsOnly(2L, 0L);

            HttpResponse<Buffer> unknown = post("/api/control/caches/nothing-here/clear?deadlineMillis=3000", admin(),
                    new JsonObject());
            // the silent service might have had it: unknown only when every service answered
            assertThat(unknown.statusCode()).isEqualTo(200);
            assertThat(unknown.bodyAsJsonObject().getJsonArray("notApplicable")).hasSize(4);
        } finally {
            unregister.run();
        }
    }

    @Test
    void healthChecksAggregateEveryServiceAndReportTheFailingAndTheSilentOnes() {
        Runnable failing = ServiceChecks.of(vertx).register("database", () -> Future.failedFuture("connection refused"));
        try {
            JsonObject result = post("/api/control/health-checks", admin(), new JsonObject()).bodyAsJsonObject();

            assertThat(result.getBoolean("up")).isFalse();
            assertThat(result.getJsonArray("failed")).hasSize(4);
            assertThat(result.getJsonArray("failed").getJsonObject(0).getJsonObject("detail")
                    .getJsonObject("checks").getJsonObject("database").getString("reason"))
                    .isEqualTo("connection refused");
            assertThat(services(result.getJsonArray("silent"))).containsExactly("stuck");
            assertThat(result.getJsonObject("health").getString("status")).isEqualTo("DOWN");
        } finally {
            failing.run();
        }
    }

    @Test
    void theAuditLogIsPagedNewestFirstAndFiltered() {
        for (int i = 0; i < 3; i++) {
            put("/api/control/flags/flag-" + i, admin(), new JsonObject().put("enabled", true));
        }
        post("/api/control/log-level", admin(), new JsonObject().put("logger", "ROOT").put("level", "INFO"));

        JsonObject first = get("/api/control/audit?limit=2&kind=set-flag", admin()).bodyAsJsonObject();
        assertThat(targets(first)).containsExactly("flag-2", "flag-1");
        JsonObject second = get("/api/control/audit?limit=2&kind=set-flag&cursor=" + first.getString("nextCursor"),
                admin()).bodyAsJsonObject();
        assertThat(targets(second)).containsExactly("flag-0");
        assertThat(second.getValue("nextCursor")).isNull();
        assertThat(get("/api/control/audit?limit=0", admin()).statusCode()).isEqualTo(400);
        assertThat(get("/metrics", null).bodyAsString())
                .contains("whizbang_control_commands_total{kind=\"set-flag\",status=\"partial\"} 3.0");
    }

    private static List<String> services(JsonArray answers) {
        return answers.stream().map(answer -> ((JsonObject) answer).getString("service")).toList();
    }

    private static List<String> targets(JsonObject page) {
        return page.getJsonArray("items").stream().map(item -> ((JsonObject) item).getString("target")).toList();
    }
}
