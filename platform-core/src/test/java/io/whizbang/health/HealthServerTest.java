package io.whizbang.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.DispatcherVerticle;
import io.whizbang.http.HttpServiceOptions;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The shared health server against the health-endpoint contract, and what only it configures. */
class HealthServerTest extends HealthEndpointsContractTest {
    @Override
    protected Future<Integer> startService(Vertx vertx) {
        return HealthServer.start(vertx, new TestOptions().setPort(0)).map(HealthServer::actualPort);
    }

    @Test
    void readyIsNotReadyWhenTheConsumerDoesNotAnswerInTime(Vertx vertx, VertxTestContext ctx) {
        vertx.eventBus().consumer("silent.commands", message -> { }).completion()
                .compose(registered -> HealthServer.start(vertx, new TestOptions().setPort(0)
                        .setReadinessAddress("silent.commands").setReadinessTimeoutMillis(50)))
                .compose(server -> {
                    port = server.actualPort();
                    return get("/ready", null);
                })
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer.status()).isEqualTo(503);
                    assertThat(answer.json().getString("reason"))
                            .isEqualTo("no answer from silent.commands within 50 ms");
                    ctx.completeNow();
                })));
    }

    @Test
    void readyIsReadyWhenTheConsumerAnswers(Vertx vertx, VertxTestContext ctx) {
        vertx.eventBus().consumer(HttpServiceOptions.DEFAULT_READINESS_ADDRESS,
                        message -> message.reply(new JsonObject())).completion()
                .compose(registered -> get("/ready", null))
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer.status()).isEqualTo(200);
                    ctx.completeNow();
                })));
    }

    @Test
    void readyIsReadyOnceTheRealDispatcherVerticleIsDeployed(Vertx vertx, VertxTestContext ctx) {
        Dispatcher dispatcher = Dispatcher.create(vertx, CounterRegistry.create(new CounterReceptor()),
                Ledger.memory(vertx), ProjectionStore.memory());
        vertx.deployVerticle(new DispatcherVerticle(dispatcher, new DispatcherOptions()))
                .compose(deployed -> get("/ready", null))
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer.status()).isEqualTo(200);
                    ctx.completeNow();
                })));
    }

    @Test
    void optionsSurviveTheirJsonForm() {
        TestOptions options = new TestOptions().setHost("127.0.0.1").setPort(1234)
                .setReadinessAddress("acme.commands").setReadinessTimeoutMillis(500);

        TestOptions copy = new TestOptions(options.toJson());

        assertThat(copy.toJson()).isEqualTo(options.toJson());
        assertThat(new TestOptions(new JsonObject()).getPort()).isEqualTo(TestOptions.DEFAULT_PORT);
        assertThat(new TestOptions().getReadinessAddress()).isEqualTo("whizbang.commands");
    }

    @Test
    void optionsRejectAPortOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TestOptions().setPort(70_000)).withMessageContaining("70000");
    }

    /** Options of a service with default port 7777. */
    static final class TestOptions extends HttpServiceOptions<TestOptions> {
        static final int DEFAULT_PORT = 7777;

        TestOptions() {
            super(DEFAULT_PORT);
        }

        TestOptions(JsonObject json) {
            super(json, DEFAULT_PORT);
        }

        @Override
        protected TestOptions self() {
            return this;
        }
    }
}
