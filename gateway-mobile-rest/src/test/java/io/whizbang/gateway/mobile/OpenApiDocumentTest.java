package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.health.HealthRoutes;
import io.whizbang.health.Readiness;
import io.whizbang.ledger.LedgerClient;
import io.whizbang.security.TokenVerifier;
import io.whizbang.security.TokenVerifierOptions;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** /openapi.json describes every route the router serves, and every reference in it resolves. */
class OpenApiDocumentTest extends GatewayTestBase {
    private static final Pattern REF = Pattern.compile("\"\\$ref\":\"#/components/([a-zA-Z]+)/([A-Za-z]+)\"");

    @Test
    void everyRouteTheRouterServesIsInTheDocument() {
        Router router = MobileRouter.create(vertx, options(), new Backend(Dispatcher.remote(vertx,
                        SampleApplicationRegistry.create().codecs(), new DispatcherOptions())),
                LedgerClient.create(vertx, "whizbang"), TokenVerifier.create(vertx,
                        TokenVerifierOptions.development(key)),
                HealthRoutes.create(() -> Future.succeededFuture(Readiness.READY)));
        JsonObject paths = served().getJsonObject("paths");

        List<String> routes = AllowedMethods.of(router).routes();

        assertThat(routes).hasSize(13).contains("GET /api/orders/{id}", "POST /api/orders/{id}/cancel");
        List<String> documented = new ArrayList<>();
        paths.forEach(path -> ((JsonObject) path.getValue()).fieldNames()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void everyReferenceResolves() {
        JsonObject document = served();
        JsonObject components = document.getJsonObject("components");

        Matcher refs = REF.matcher(document.encode());
        int count = 0;
        while (refs.find()) {
            count++;
            assertThat(components.getJsonObject(refs.group(1))).as(refs.group()).isNotNull();
            assertThat(components.getJsonObject(refs.group(1)).containsKey(refs.group(2))).as(refs.group()).isTrue();
        }
        assertThat(count).isGreaterThan(50);
    }

    @Test
    void everyOperationHasAnIdResponsesAndTheCorrelationHeader() {
        JsonObject paths = served().getJsonObject("paths");
        List<String> ids = new ArrayList<>();

        paths.forEach(path -> ((JsonObject) path.getValue()).forEach(entry -> {
            JsonObject operation = (JsonObject) entry.getValue();
            ids.add(operation.getString("operationId"));
            assertThat(operation.getJsonObject("responses").isEmpty()).isFalse();
            assertThat(operation.getJsonArray("parameters").encode()).contains("#/components/parameters/CorrelationId");
        }));

        assertThat(ids).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void theProblemSchemaListsEveryErrorCode() {
        JsonObject problem = served().getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");

        assertThat(problem.getJsonArray("required")).isEqualTo(new JsonArray()
                .add("type").add("title").add("status").add("detail").add("code").add("correlationId"));
        assertThat(problem.getJsonObject("properties").getJsonObject("code").getJsonArray("enum")).contains(
                "INVALID_ARGUMENT", "UNAUTHENTICATED", "PERMISSION_DENIED", "NOT_FOUND", "CONFLICT", "RATE_LIMITED",
                "UNAVAILABLE", "TIMEOUT", "INTERNAL");
    }

    @Test
    void theDocumentIsServedWithoutAToken() {
        assertThat(get("/openapi.json", null).statusCode()).isEqualTo(200);
    }

    private JsonObject served() {
        return get("/openapi.json", null).bodyAsJsonObject();
    }
}
