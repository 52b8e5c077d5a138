package io.whizbang.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.http.CorrelationIds;
import io.whizbang.http.HttpServiceOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health endpoints every HTTP-facing service answers, checked with a real HTTP client; a service's test extends
 * this class and starts the service on a free port, ready when something consumes the dispatcher's command address.
 */
@ExtendWith(VertxExtension.class)
public abstract class HealthEndpointsContractTest {
    protected int port;
    private HttpClient client;

    /** Starts the service under test on port 0 with its default readiness address; answers the port it got. */
    protected abstract Future<Integer> startService(Vertx vertx);

    @BeforeEach
    void start(Vertx vertx, VertxTestContext ctx) {
        client = vertx.createHttpClient();
        startService(vertx).onComplete(ctx.succeeding(actual -> {
            port = actual;
            ctx.completeNow();
        }));
    }

    /**
     * An HTTP answer.
     *
     * @param status        its status
     * @param contentType   its content type
     * @param correlationId its correlation id header
     * @param body          its body
     */
    protected record Answer(int status, String contentType, String correlationId, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    /** GETs the path, with the correlation id header when not null. */
    protected Future<Answer> get(String path, String correlationId) {
        return client.request(HttpMethod.GET, port, "localhost", path)
                .compose(request -> {
                    if (correlationId != null) {
                        request.putHeader(CorrelationIds.HEADER, correlationId);
                    }
                    return request.send();
                })
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                        response.getHeader("Content-Type"), response.getHeader(CorrelationIds.HEADER),
                        body.toString())));
    }

    @Test
    void healthAnswersUp(VertxTestContext ctx) {
        get("/health", null).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo("application/json");
            assertThat(answer.json()).isEqualTo(new JsonObject().put("status", "UP"));
            ctx.completeNow();
        })));
    }

    @Test
    void readyIsNotReadyWhileNothingConsumesTheCommandAddress(VertxTestContext ctx) {
        get("/ready", null).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().getString("status")).isEqualTo("NOT_READY");
            assertThat(answer.json().getString("reason")).contains(HttpServiceOptions.DEFAULT_READINESS_ADDRESS);
            ctx.completeNow();
        })));
    }

    @Test
    void readyIsReadyOnceADispatcherConsumesTheCommandAddress(Vertx vertx, VertxTestContext ctx) {
        // given a consumer that refuses the probe's empty request, as the dispatcher does
        vertx.eventBus().consumer(HttpServiceOptions.DEFAULT_READINESS_ADDRESS,
                        message -> message.fail(ErrorCode.INVALID_ARGUMENT.wireCode(), "messageId: is required"))
                .completion()
                // when
                .compose(registered -> get("/ready", null))
                // then
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.json()).isEqualTo(new JsonObject().put("status", "READY"));
                    ctx.completeNow();
                })));
    }

    @Test
    void unknownRouteIsANotFoundProblemWithItsCode(VertxTestContext ctx) {
        get("/nope", null).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.json()).isEqualTo(new JsonObject().put("type", "about:blank")
                    .put("title", "Not Found").put("status", 404).put("detail", "no route GET /nope")
                    .put("code", "NOT_FOUND"));
            ctx.completeNow();
        })));
    }

    @Test
    void everyResponseEchoesTheCallersCorrelationId(VertxTestContext ctx) {
        get("/health", "journey-42")
                .compose(health -> {
                    ctx.verify(() -> assertThat(health.correlationId()).isEqualTo("journey-42"));
                    return get("/nope", "journey-43");
                })
                .onComplete(ctx.succeeding(missing -> ctx.verify(() -> {
                    assertThat(missing.correlationId()).isEqualTo("journey-43");
                    ctx.completeNow();
                })));
    }

    @Test
    void aResponseWithoutACallersCorrelationIdGetsANewOne(VertxTestContext ctx) {
        get("/health", null).onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
            assertThat(UUID.fromString(answer.correlationId())).isNotNull();
            ctx.completeNow();
        })));
    }
}
