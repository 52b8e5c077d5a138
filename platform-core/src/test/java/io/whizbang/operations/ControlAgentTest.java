package io.whizbang.operations;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One agent answering broadcast control commands on the event bus, as the control plane sends them. */
@ExtendWith(VertxExtension.class)
class ControlAgentTest {
    @Test
    void aRebuildReachesTheServiceThatRunsThePerspectiveOnly(Vertx vertx) {
        PerspectiveRebuilder rebuilder = new PerspectiveRebuilder() {
            @Override
            public Set<String> perspectives() {
                return Set.of("order-summary");
            }

            @Override
            public Future<JsonObject> rebuild(String perspective) {
                return Future.succeededFuture(new JsonObject().put("generation", 1));
            }
        };
        await(ControlAgent.create(vertx, "projections").rebuilder(rebuilder).start());

        ControlAnswer rebuilt = ask(vertx, ControlKind.REBUILD, new JsonObject().put("perspective", "order-summary"));
        ControlAnswer unknown = ask(vertx, ControlKind.REBUILD, new JsonObject().put("perspective", "nope"));

        assertThat(rebuilt.outcome()).isEqualTo(ControlOutcome.APPLIED);
        assertThat(rebuilt.detail().getInteger("generation")).isEqualTo(1);
        assertThat(unknown.outcome()).isEqualTo(ControlOutcome.NOT_APPLICABLE);
    }

    @Test
    void aHealthCheckThatNeverAnswersIsReportedDownBeforeTheDeadline(Vertx vertx) {
        Runnable hung = ServiceChecks.of(vertx).register("hung", () -> Promise.promise().future());
        try {
            await(ControlAgent.create(vertx, "web").start());

            ControlAnswer answer = ask(vertx, ControlKind.HEALTH_CHECK, new JsonObject());

            assertThat(answer.outcome()).isEqualTo(ControlOutcome.FAILED);
            assertThat(answer.code()).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(answer.detail().getJsonObject("checks").getJsonObject("hung").getString("reason"))
                    .startsWith("no answer within");
        } finally {
            hung.run();
        }
    }

    @Test
    void aBadFlagNameFailsWithItsCodeAndChangesNothing(Vertx vertx) {
        await(ControlAgent.create(vertx, "web").start());

        ControlAnswer answer = ask(vertx, ControlKind.SET_FLAG, new JsonObject().put("flag", "no spaces please")
                .put("enabled", true));

        assertThat(answer.outcome()).isEqualTo(ControlOutcome.FAILED);
        assertThat(answer.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(FeatureFlags.of(vertx).all()).isEmpty();
    }

    @Test
    void flagsAreSharedByEveryVerticleOfTheInstanceAndReplacedAsAWhole(Vertx vertx) {
        FeatureFlags.of(vertx).set("a", true);
        assertThat(FeatureFlags.of(vertx).isEnabled("a")).isTrue();
        assertThat(FeatureFlags.of(vertx).isEnabled("unknown", true)).isTrue();

        FeatureFlags.of(vertx).replaceAll(java.util.Map.of("b", false));

        assertThat(FeatureFlags.of(vertx).all()).containsExactly(java.util.Map.entry("b", false));
    }

    @Test
    void levelNamesOfEveryCommonLoggingSystemAreUnderstood() {
        assertThat(LogLevels.parse("debug")).isEqualTo(Level.FINE);
        assertThat(LogLevels.parse("WARN")).isEqualTo(Level.WARNING);
        assertThat(LogLevels.parse("error")).isEqualTo(Level.SEVERE);
        assertThatThrownBy(() -> LogLevels.parse("LOUD")).isInstanceOf(PermanentException.class)
                .hasMessageContaining("LOUD");
        assertThatThrownBy(() -> LogLevels.javaLogging().set("no.such.logger", "INFO"))
                .isInstanceOf(PermanentException.class).hasMessageContaining("no logger");
    }

    private static ControlAnswer ask(Vertx vertx, ControlKind kind, JsonObject arguments) {
        ControlAddresses addresses = ControlAddresses.defaults();
        ControlCommand command = new ControlCommand(UUID.randomUUID().toString(), kind, arguments, 1000);
        Promise<ControlAnswer> answer = Promise.promise();
        var consumer = vertx.eventBus().<JsonObject>consumer(addresses.answers(command.id()),
                message -> answer.tryComplete(ControlAnswer.fromJson(message.body())));
        await(consumer.completion());
        vertx.eventBus().publish(addresses.broadcast(), command.toJson());
        try {
            return await(answer.future());
        } finally {
            consumer.unregister();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not succeed: " + e, e);
        }
    }
}
