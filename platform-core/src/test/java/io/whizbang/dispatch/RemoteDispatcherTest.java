package io.whizbang.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.Count;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.GetCount;
import io.whizbang.testdomain.Increment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class RemoteDispatcherTest {
    private static final Principal ALICE = Principal.of("alice", "acme", CounterRegistry.WRITE, CounterRegistry.READ);
    private final DispatcherOptions options = new DispatcherOptions();
    private Registry registry;
    private Ledger ledger;
    private ProjectionStore store;
    private Dispatcher remote;

    @BeforeEach
    void deploy(Vertx vertx, VertxTestContext ctx) {
        registry = CounterRegistry.create(new CounterReceptor());
        ledger = Ledger.memory(vertx);
        store = ProjectionStore.memory();
        Dispatcher local = Dispatcher.create(vertx, registry, ledger, store, options);
        remote = Dispatcher.remote(vertx, registry.codecs(), options);
        vertx.deployVerticle(new DispatcherVerticle(local, options)).onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void commandsAndQueriesTravelTheEventBus(Vertx vertx, VertxTestContext ctx) {
        Projections.start(vertx, registry, ledger, store)
                .compose(projections -> remote.send(ALICE, new Increment("c1", 4))
                        .compose(receipt -> {
                            ctx.verify(() -> assertThat(receipt.version()).isEqualTo(1));
                            return projections.caughtUp(receipt.position());
                        }))
                .compose(caughtUp -> remote.ask(ALICE, new GetCount("c1")))
                .onComplete(ctx.succeeding(count -> ctx.verify(() -> {
                    assertThat(count).isEqualTo(new Count("c1", 4));
                    ctx.completeNow();
                })));
    }

    @Test
    void errorCodesCrossTheEventBusUnchanged(VertxTestContext ctx) {
        remote.send(Principal.of("bob", "acme", CounterRegistry.READ), new Increment("c1", 1))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(failure.getMessage()).contains("counters:write");
                    ctx.completeNow();
                })));
    }

    @Test
    void anUnexpectedErrorIsInternalWithACorrelationIdAndNoStackTrace(VertxTestContext ctx) {
        remote.send(ALICE, new Increment("bug-2", 1)).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(failure.getMessage()).startsWith("internal error; it is logged under correlation id ")
                    .doesNotContain("Exception").doesNotContain("at io.");
            ctx.completeNow();
        })));
    }

    @Test
    void malformedRequestsGetInvalidArgumentNamingTheField(Vertx vertx, VertxTestContext ctx) {
        JsonObject bad = new JsonObject().put("send", new JsonObject()
                .put("messageId", "not-a-uuid"));
        vertx.eventBus().request(options.commandAddress(), bad)
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    ReplyException reply = (ReplyException) failure;
                    assertThat(ErrorCode.fromWireCode(reply.failureCode())).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(reply.getMessage()).contains("messageId");
                    ctx.completeNow();
                })));
    }

    @Test
    void anUnknownMessageTypeOrBadPayloadIsInvalidArgument(Vertx vertx, VertxTestContext ctx) {
        JsonObject envelope = new JsonObject()
                .put("messageId", "0190a3c2-0000-7000-8000-000000000001")
                .put("correlationId", "0190a3c2-0000-7000-8000-000000000001")
                .put("tenant", "acme")
                .put("principal", new JsonObject().put("subject", "alice").put("tenant", "acme"))
                .put("timestamp", "2026-01-01T00:00:00Z")
                .put("type", "Increment").put("schemaVersion", 1)
                .put("payload", new JsonObject().put("counterId", "c1").put("by", 0));
        vertx.eventBus().request(options.commandAddress(), new JsonObject().put("send", envelope))
                .recover(failure -> {
                    ctx.verify(() -> {
                        assertThat(failure.getMessage()).isEqualTo("payload.by: must be 1-100, was 0");
                        assertThat(ErrorCode.fromWireCode(((ReplyException) failure).failureCode()))
                                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    });
                    return vertx.eventBus().request(options.commandAddress(),
                            new JsonObject().put("send", envelope.copy().put("type", "Nope")));
                })
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure.getMessage()).isEqualTo("type: unknown message type Nope");
                    ledger.head().onComplete(ctx.succeeding(head -> ctx.verify(() -> {
                        assertThat(head).isZero();
                        ctx.completeNow();
                    })));
                })));
    }

    @Test
    void aMessageWithoutTenantIsInvalidArgumentAndNothingIsAppended(Vertx vertx, VertxTestContext ctx) {
        JsonObject envelope = new JsonObject()
                .put("messageId", "0190a3c2-0000-7000-8000-000000000002")
                .put("correlationId", "0190a3c2-0000-7000-8000-000000000002")
                .put("principal", new JsonObject().put("subject", "alice").put("tenant", "acme")
                        .put("scopes", new io.vertx.core.json.JsonArray().add(CounterRegistry.WRITE)))
                .put("timestamp", "2026-01-01T00:00:00Z")
                .put("type", "Increment").put("schemaVersion", 1)
                .put("payload", new JsonObject().put("counterId", "c1").put("by", 1));
        vertx.eventBus().request(options.commandAddress(), new JsonObject().put("send", envelope))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(ErrorCode.fromWireCode(((ReplyException) failure).failureCode()))
                            .isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(failure.getMessage()).isEqualTo("tenant: is required");
                    ledger.head().onComplete(ctx.succeeding(head -> ctx.verify(() -> {
                        assertThat(head).isZero();
                        ctx.completeNow();
                    })));
                })));
    }
}
