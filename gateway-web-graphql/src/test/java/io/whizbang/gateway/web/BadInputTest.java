package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over HTTP: each gets a GraphQL error with {@code extensions.code}, the status graphql-over-HTTP
 * recommends, the correlation id, no stack trace, and writes nothing.
 *
 * <p>A request that is not a GraphQL request at all (not JSON, no query, a batch, too big, the wrong media type or
 * method) is refused before execution with a 4xx status. A well-formed request whose document does not parse or
 * validate, or breaks a limit, is a GraphQL response with status 200 and {@code errors}: the server answers
 * {@code application/json}, for which graphql-over-HTTP says 200.
 */
class BadInputTest extends GatewayTestSupport {
    @Test
    void malformedJsonIsRefusedWith400(VertxTestContext ctx) {
        refused(ctx, () -> raw(HttpMethod.POST, "application/json", Buffer.buffer("{\"query\": \"{ order(")), 400,
                body -> assertThat(firstError(body).getString("message")).contains("not a JSON object"));
    }

    @Test
    void aBatchIsRefusedWith400(VertxTestContext ctx) {
        refused(ctx, () -> raw(HttpMethod.POST, "application/json", Buffer.buffer("[{\"query\": \"{ __typename }\"}]")),
                400, body -> assertThat(firstError(body).getString("message")).contains("batches"));
    }

    @Test
    void aRequestWithoutAQueryIsRefusedWith400(VertxTestContext ctx) {
        refused(ctx, () -> raw(HttpMethod.POST, "application/json", Buffer.buffer("{\"variables\": {}}")), 400,
                body -> assertThat(firstError(body).getString("message")).contains("it has no query"));
    }

    @Test
    void variablesThatAreNotAnObjectAreRefusedWith400(VertxTestContext ctx) {
        refused(ctx, () -> raw(HttpMethod.POST, "application/json",
                        Buffer.buffer("{\"query\": \"{ __typename }\", \"variables\": [1]}")), 400,
                body -> assertThat(firstError(body).getString("message")).contains("variables and extensions objects"));
    }

    @Test
    void aQueryThatIsANumberIsReadAsItsTextAndDoesNotParse(VertxTestContext ctx) {
        unchangedLedger(ctx, () -> raw(HttpMethod.POST, "application/json", Buffer.buffer("{\"query\": 42}")),
                response -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(codeOf(response.bodyAsJsonObject())).isEqualTo("INVALID_ARGUMENT");
                });
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413(VertxTestContext ctx) {
        String huge = "{ __typename }" + " ".repeat(WebGatewayOptions.DEFAULT_MAX_BODY_BYTES);
        refused(ctx, () -> raw(HttpMethod.POST, "application/json", new JsonObject().put("query", huge).toBuffer()),
                413, body -> assertThat(firstError(body).getString("message")).contains("262144 bytes"));
    }

    @Test
    void anotherMediaTypeIsRefusedWith415(VertxTestContext ctx) {
        refused(ctx, () -> raw(HttpMethod.POST, "text/plain", Buffer.buffer("{ __typename }")), 415, body -> {
        });
    }

    @Test
    void anotherMethodIsRefusedWith405(VertxTestContext ctx) {
        refused(ctx, () -> raw(HttpMethod.PUT, "application/json", Buffer.buffer("{}")), 405,
                body -> assertThat(firstError(body).getString("message")).contains("PUT"));
    }

    @Test
    void aGetWithoutWebSocketUpgradeIsRefusedWith405(VertxTestContext ctx) {
        refused(ctx, () -> fixture.client().get(fixture.port(), "127.0.0.1", "/graphql?query=%7B__typename%7D")
                .send(), 405, body -> {
        });
    }

    @Test
    void anUnknownRouteIsANotFoundProblem(VertxTestContext ctx) {
        fixture.client().post(fixture.port(), "127.0.0.1", "/api/orders").send()
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(404);
                    assertThat(response.getHeader("Content-Type")).isEqualTo("application/problem+json");
                    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("NOT_FOUND");
                    assertThat(response.getHeader("X-Correlation-Id")).isNotBlank();
                    ctx.completeNow();
                })));
    }

    @Test
    void aSyntaxErrorIsAnInvalidArgumentWith200(VertxTestContext ctx) {
        executed(ctx, "{ order(id: \"x\" { id }", new JsonObject(), body -> {
            assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
            assertThat(firstError(body).getJsonObject("extensions").getString("classification"))
                    .isEqualTo("InvalidSyntax");
        });
    }

    @Test
    void anUnknownFieldIsAnInvalidArgument(VertxTestContext ctx) {
        executed(ctx, "{ order(id: \"x\") { id secretField } }", new JsonObject(),
                body -> assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT"));
    }

    @Test
    void aVariableOfTheWrongTypeIsAnInvalidArgument(VertxTestContext ctx) {
        executed(ctx, RESTOCK, new JsonObject().put("sku", "S-1").put("quantity", "many"),
                body -> assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT"));
    }

    @Test
    void anIdThatIsNotAUuidIsAnInvalidArgumentNamingIt(VertxTestContext ctx) {
        executed(ctx, ORDER, new JsonObject().put("id", "42"), body -> {
            assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
            assertThat(firstError(body).getString("message")).startsWith("id: must be a UUID");
        });
    }

    @Test
    void aDocumentDeeperThanTheLimitIsAnInvalidArgument(VertxTestContext ctx) {
        String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType "
                + "{ name } } } } } } } } } } }";
        executed(ctx, deep, new JsonObject(), body -> {
            assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
            assertThat(firstError(body).getString("message")).contains("maximum query depth exceeded 11 > 10");
            assertThat(body.getValue("data")).isNull();
        });
    }

    @Test
    void aDocumentMoreComplexThanTheLimitIsAnInvalidArgumentAndAsksNothing(VertxTestContext ctx) {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 70; i++) {
            query.append(" o").append(i).append(": order(id: \"").append(UUID.randomUUID())
                    .append("\") { id status total }");
        }
        executed(ctx, query.append(" }").toString(), new JsonObject(), body -> {
            assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
            assertThat(firstError(body).getString("message")).contains("complexity");
            assertThat(body.getJsonArray("errors")).hasSize(1);
        });
    }

    @Test
    void aSubscriptionOverHttpIsAnInvalidArgument(VertxTestContext ctx) {
        executed(ctx, "subscription { tenantEvents { type } }", new JsonObject(), body -> {
            assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
            assertThat(firstError(body).getString("message")).contains("WebSocket");
        });
    }

    private static Future<HttpResponse<Buffer>> raw(HttpMethod method, String contentType, Buffer body) {
        return fixture.client().request(method, fixture.port(), "127.0.0.1", GatewayRouter.GRAPHQL_PATH)
                .putHeader("Authorization", "Bearer " + fixture.token(newTenant()))
                .putHeader("Content-Type", contentType)
                .sendBuffer(body);
    }

    /** A request refused before execution: the status, a coded body, the correlation id, nothing written. */
    private static void refused(VertxTestContext ctx, Supplier<Future<HttpResponse<Buffer>>> request, int status,
                                Consumer<JsonObject> check) {
        unchangedLedger(ctx, request, response -> {
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(response.getHeader("X-Correlation-Id")).isNotBlank();
            JsonObject body = response.bodyAsJsonObject();
            assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
            assertNoStackTrace(body);
            check.accept(body);
        });
    }

    /** A request executed as GraphQL: status 200, a coded body, nothing written. */
    private static void executed(VertxTestContext ctx, String query, JsonObject variables,
                                 Consumer<JsonObject> check) {
        unchangedLedger(ctx, () -> fixture.post(fixture.token(newTenant()), new JsonObject().put("query", query)
                .put("variables", variables)), response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject body = response.bodyAsJsonObject();
            assertNoStackTrace(body);
            check.accept(body);
        });
    }

    private static void unchangedLedger(VertxTestContext ctx, Supplier<Future<HttpResponse<Buffer>>> request,
                                        Consumer<HttpResponse<Buffer>> check) {
        fixture.backend().settle().compose(v -> fixture.backend().ledger().head())
                .compose(before -> request.get().compose(response -> fixture.backend().ledger().head()
                        .map(after -> {
                            ctx.verify(() -> {
                                check.accept(response);
                                assertThat(after).as("ledger head").isEqualTo(before);
                            });
                            return after;
                        })))
                .onComplete(ctx.succeedingThenComplete());
    }

    /** No stack frame, no qualified exception class name, no stack trace extension. */
    static void assertNoStackTrace(JsonObject body) {
        assertThat(body.encode()).doesNotContainPattern("\\bat [a-z]+\\.[\\w.$]+\\(")
                .doesNotContainPattern("[a-z]+\\.[a-z.]+\\.\\w*(Exception|Error)\\b")
                .doesNotContain("stacktrace");
    }
}
