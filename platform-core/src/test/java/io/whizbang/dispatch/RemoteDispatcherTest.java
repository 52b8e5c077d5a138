package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.impl.dispatch.Answers;
import io.whizbang.impl.dispatch.BusCodecs;
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

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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

    @Test
    void manyCommandsSentFromOneEventLoopAtOnceEachGetTheirOwnReceipt(Vertx vertx, VertxTestContext ctx) {
        // given: sent from an event loop, the calls share the loop's reply channel
        onAnEventLoop(vertx, () -> {
            List<Future<Receipt>> receipts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                receipts.add(remote.send(ALICE, new Increment("many-" + i, i % 5 + 1)));
            }
            return Future.all(receipts).map(all -> receipts.stream()
                    .map(Future::result).toList());
        }).onComplete(ctx.succeeding(receipts -> ctx.verify(() -> {
            // then: each receipt names its own stream at version 1
            for (int i = 0; i < 50; i++) {
                assertThat(receipts.get(i).stream().value()).endsWith("many-" + i);
                assertThat(receipts.get(i).version()).isEqualTo(1);
            }
            ctx.completeNow();
        })));
    }

    @Test
    void errorCodesAndAnswersCrossTheReplyChannelOfAnEventLoop(Vertx vertx, VertxTestContext ctx) {
        Projections.start(vertx, registry, ledger, store)
                .compose(projections -> onAnEventLoop(vertx, () -> remote.send(ALICE, new Increment("c9", 3))
                        .compose(receipt -> projections.caughtUp(receipt.position()))
                        .compose(caughtUp -> remote.ask(ALICE, new GetCount("c9")))
                        .compose(count -> {
                            ctx.verify(() -> assertThat(count).isEqualTo(new Count("c9", 3)));
                            return remote.send(Principal.of("bob", "acme", CounterRegistry.READ),
                                    new Increment("c9", 1));
                        })))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
                    assertThat(failure.getMessage()).contains("counters:write");
                    ctx.completeNow();
                })));
    }

    @Test
    void aDispatcherThatNeverAnswersTimesOutFromAnEventLoop(Vertx vertx, VertxTestContext ctx) {
        // given: something listens at the command address but never answers
        DispatcherOptions silent = new DispatcherOptions().setAddressPrefix("silent").setSendTimeoutMillis(200);
        vertx.eventBus().consumer(silent.commandAddress(), message -> {
        });
        vertx.eventBus().consumer(BusCodecs.callsOf(silent.commandAddress()), message -> {
        });
        Dispatcher waiting = Dispatcher.remote(vertx, registry.codecs(), silent);
        // when
        onAnEventLoop(vertx, () -> waiting.send(ALICE, new Increment("t1", 1)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    // then
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.TIMEOUT);
                    assertThat(failure.getMessage()).contains(silent.commandAddress());
                    ctx.completeNow();
                })));
    }

    @Test
    void noDispatcherListeningIsUnavailableAtOnceFromAnEventLoop(Vertx vertx, VertxTestContext ctx) {
        Dispatcher nobody = Dispatcher.remote(vertx, registry.codecs(),
                new DispatcherOptions().setAddressPrefix("nobody"));
        onAnEventLoop(vertx, () -> nobody.send(ALICE, new Increment("u1", 1)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    ctx.completeNow();
                })));
    }

    @Test
    void commandsFromTwoEventLoopsAreBothAnswered(Vertx vertx, VertxTestContext ctx) {
        Future<Receipt> first = onAnEventLoop(vertx, () -> remote.send(ALICE, new Increment("l1", 1)));
        Future<Receipt> second = onAnEventLoop(vertx, () -> remote.send(ALICE, new Increment("l2", 2)));
        Future.all(first, second).onComplete(ctx.succeeding(both -> ctx.verify(() -> {
            assertThat(first.result().stream().value()).endsWith("l1");
            assertThat(second.result().stream().value()).endsWith("l2");
            ctx.completeNow();
        })));
    }

    @Test
    void aStandInServingThePlainAddressOnlyIsStillAskedFromAnEventLoop(Vertx vertx, VertxTestContext ctx) {
        // given: a stand-in for the dispatcher that answers event-bus requests at the command address, and no more
        DispatcherOptions standIn = new DispatcherOptions().setAddressPrefix("stand-in");
        vertx.eventBus().consumer(standIn.commandAddress(),
                message -> message.fail(ErrorCode.UNAVAILABLE.wireCode(), "the stand-in is down"));
        Dispatcher client = Dispatcher.remote(vertx, registry.codecs(), standIn);
        // when
        onAnEventLoop(vertx, () -> client.send(ALICE, new Increment("s1", 1)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    // then: the stand-in's own answer
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(failure.getMessage()).isEqualTo("the stand-in is down");
                    ctx.completeNow();
                })));
    }

    @Test
    void fromAnEventLoopACommandGoesToTheCallAddressAndItsAnswerComesBackThroughTheChannel(Vertx vertx,
                                                                                         VertxTestContext ctx) {
        // given: a stand-in that answers at both addresses, saying which one it was asked at
        DispatcherOptions both = new DispatcherOptions().setAddressPrefix("both");
        vertx.eventBus().consumer(both.commandAddress(),
                message -> message.fail(ErrorCode.UNAVAILABLE.wireCode(), "asked at the plain address"));
        vertx.eventBus().localConsumer(BusCodecs.callsOf(both.commandAddress()), message -> Answers.of(vertx, message)
                .fail(io.whizbang.error.TransientException.unavailable("asked at the call address", null), null));
        Dispatcher client = Dispatcher.remote(vertx, registry.codecs(), both);
        // when: from the test's own thread, then from an event loop
        client.send(ALICE, new Increment("a1", 1))
                .recover(fromElsewhere -> {
                    ctx.verify(() -> assertThat(fromElsewhere.getMessage()).isEqualTo("asked at the plain address"));
                    return onAnEventLoop(vertx, () -> client.send(ALICE, new Increment("a2", 1)));
                })
                .onComplete(ctx.failing(fromLoop -> ctx.verify(() -> {
                    // then: only an event loop's calls take the channel, and its answer comes back through it
                    assertThat(((WhizbangException) fromLoop).code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(fromLoop.getMessage()).contains("asked at the call address");
                    ctx.completeNow();
                })));
    }

    /** Runs the call on a new event-loop context, as a gateway's handlers run. */
    private static <T> Future<T> onAnEventLoop(Vertx vertx, Supplier<Future<T>> call) {
        Promise<T> result = Promise.promise();
        // from the test's thread, each call gets a new event-loop context
        vertx.getOrCreateContext().runOnContext(v -> call.get().onComplete(result));
        return result.future();
    }
}
