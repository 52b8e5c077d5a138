package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.impl.dispatch.EventRecords;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.MessageIds;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.Count;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.GetCount;
import io.whizbang.testdomain.Increment;
import io.whizbang.testdomain.Incremented;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.whizbang.testdomain.CounterRegistry.READ;
import static io.whizbang.testdomain.CounterRegistry.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class LocalDispatcherTest {
    private static final Principal ALICE = Principal.of("alice", "acme", WRITE, READ);
    private final CounterReceptor receptor = new CounterReceptor();
    private Registry registry;
    private Ledger ledger;
    private ProjectionStore store;
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp(Vertx vertx) {
        registry = CounterRegistry.create(receptor);
        ledger = Ledger.memory(vertx);
        store = ProjectionStore.memory();
        dispatcher = Dispatcher.create(vertx, registry, ledger, store);
    }

    private static void assertCode(Throwable failure, ErrorCode code) {
        assertThat(failure).isInstanceOf(WhizbangException.class);
        assertThat(((WhizbangException) failure).code()).isEqualTo(code);
    }

    @Test
    void acceptedCommandIsDurableWhenTheReceiptArrives(VertxTestContext ctx) {
        Envelope<Increment> command = Envelope.create(ALICE, registry.codecs().typeOf(new Increment("c1", 3)),
                new Increment("c1", 3));
        dispatcher.send(command)
                .compose(receipt -> {
                    ctx.verify(() -> {
                        assertThat(receipt.stream()).isEqualTo(StreamId.of("Counter", "c1"));
                        assertThat(receipt.version()).isEqualTo(1);
                        assertThat(receipt.tenant()).isEqualTo("acme");
                        assertThat(receipt.correlationId()).isEqualTo(command.correlationId());
                        assertThat(receipt.eventIds()).hasSize(1);
                    });
                    return ledger.readAll(0, 10);
                })
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    assertThat(events).hasSize(1);
                    Envelope<Event> stored = new EventRecords(registry.codecs()).toEnvelope(events.get(0));
                    assertThat(stored.payload()).isEqualTo(new Incremented("c1", 3));
                    assertThat(stored.correlationId()).isEqualTo(command.correlationId());
                    assertThat(stored.causationId()).isEqualTo(command.messageId());
                    assertThat(stored.principal().subject()).isEqualTo("alice");
                    assertThat(stored.tenant()).isEqualTo("acme");
                    ctx.completeNow();
                })));
    }

    @Test
    void missingScopeIsPermissionDeniedAndNothingIsAppended(VertxTestContext ctx) {
        dispatcher.send(Principal.of("bob", "acme", READ), new Increment("c1", 1))
                .recover(failure -> {
                    ctx.verify(() -> {
                        assertCode(failure, ErrorCode.PERMISSION_DENIED);
                        assertThat(failure.getMessage()).contains("counters:write").contains("bob");
                    });
                    return ledger.head().map(head -> null);
                })
                .compose(v -> ledger.head())
                .onComplete(ctx.succeeding(head -> ctx.verify(() -> {
                    assertThat(head).isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    void aPrincipalCannotActInAnotherTenant(VertxTestContext ctx) {
        Envelope<Increment> command = Envelope.create(ALICE, registry.codecs().typeOf(new Increment("c1", 1)),
                new Increment("c1", 1)).withTenant("globex");
        dispatcher.send(command).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertCode(failure, ErrorCode.PERMISSION_DENIED);
            assertThat(failure.getMessage()).contains("tenant globex");
            ctx.completeNow();
        })));
    }

    @Test
    void onlyTheSystemScopeCrossesTenants(VertxTestContext ctx) {
        Principal operator = Principal.of("ops", "acme", WRITE, Principal.SYSTEM_SCOPE);
        Envelope<Increment> command = Envelope.create(operator, registry.codecs().typeOf(new Increment("c1", 1)),
                new Increment("c1", 1)).withTenant("globex");
        dispatcher.send(command)
                .compose(receipt -> ledger.readStream("globex", StreamId.of("Counter", "c1"), 1, 10))
                .onComplete(ctx.succeeding(slice -> ctx.verify(() -> {
                    assertThat(slice.events()).hasSize(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void aRejectionReachesTheCallerWithItsCodeAndReason(VertxTestContext ctx) {
        Future<Void> fill = Future.succeededFuture();
        for (int i = 0; i < 10; i++) {
            fill = fill.compose(v -> dispatcher.send(ALICE, new Increment("c1", 100)).mapEmpty());
        }
        fill.compose(v -> dispatcher.send(ALICE, new Increment("c1", 1)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertCode(failure, ErrorCode.CONFLICT);
                    assertThat(failure.getMessage()).isEqualTo("counter c1 is at 1000; adding 1 passes 1000");
                    ctx.completeNow();
                })));
    }

    @Test
    void aVersionConflictReloadsAndDecidesAgain(Vertx vertx, VertxTestContext ctx) {
        EventRecords records = new EventRecords(registry.codecs());
        Ledger racing = new ConflictingLedger(ledger, 2, () -> intruder(records));
        Dispatcher raced = Dispatcher.create(vertx, registry, racing, store);
        raced.send(ALICE, new Increment("c1", 5)).onComplete(ctx.succeeding(receipt -> ctx.verify(() -> {
            assertThat(receipt.version()).as("two intruders, then ours").isEqualTo(3);
            assertThat(receptor.decisions.get()).isEqualTo(3);
            ctx.completeNow();
        })));
    }

    @Test
    void conflictsBeyondTheRetryBoundReachTheCallerAsConflict(Vertx vertx, VertxTestContext ctx) {
        EventRecords records = new EventRecords(registry.codecs());
        Ledger racing = new ConflictingLedger(ledger, 100, () -> intruder(records));
        Dispatcher raced = Dispatcher.create(vertx, registry, racing, store,
                new DispatcherOptions().setMaxConflictRetries(2));
        raced.send(ALICE, new Increment("c1", 5)).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertCode(failure, ErrorCode.CONFLICT);
            assertThat(failure.getMessage()).contains("Counter-c1").contains("after 3 attempts");
            assertThat(receptor.decisions.get()).isEqualTo(3);
            ctx.completeNow();
        })));
    }

    private EventData intruder(EventRecords records) {
        Principal other = Principal.of("other", "acme", WRITE);
        return records.toData(Envelope.create(other, registry.codecs().typeOf(new Incremented("c1", 1)),
                new Incremented("c1", 1)));
    }

    @Test
    void anEventTheReceptorDoesNotDeclareIsRefusedAsInternalAndNotAppended(VertxTestContext ctx) {
        dispatcher.send(ALICE, new Increment("bug-1", 1))
                .recover(failure -> {
                    ctx.verify(() -> {
                        assertCode(failure, ErrorCode.INTERNAL);
                        assertThat(failure.getMessage()).contains("Unexpected").contains("@Emits");
                    });
                    return ledger.head().map(head -> null);
                })
                .compose(v -> ledger.head())
                .onComplete(ctx.succeeding(head -> ctx.verify(() -> {
                    assertThat(head).isZero();
                    ctx.completeNow();
                })));
    }

    @Test
    void aMessageTypeWithoutHandlerIsInvalidArgument(VertxTestContext ctx) {
        record Stray(String x) implements io.whizbang.message.Command {
        }
        dispatcher.send(Envelope.create(ALICE, new io.whizbang.message.MessageType("Stray", 1), new Stray("x")))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertCode(failure, ErrorCode.INVALID_ARGUMENT);
                    assertThat(failure.getMessage()).contains("no receptor handles Stray");
                    ctx.completeNow();
                })));
    }

    @Test
    void lensesAnswerFromWhatPerspectivesWroteInTheAskersTenantOnly(Vertx vertx, VertxTestContext ctx) {
        Principal globexReader = Principal.of("gina", "globex", READ);
        Projections.start(vertx, registry, ledger, store)
                .compose(projections -> dispatcher.send(ALICE, new Increment("c1", 2))
                        .compose(first -> dispatcher.send(ALICE, new Increment("c1", 3)))
                        .compose(receipt -> projections.caughtUp(receipt.position()))
                        .compose(caughtUp -> dispatcher.ask(ALICE, new GetCount("c1")))
                        .compose(count -> {
                            ctx.verify(() -> assertThat(count).isEqualTo(new Count("c1", 5)));
                            return dispatcher.ask(globexReader, new GetCount("c1"));
                        }))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertCode(failure, ErrorCode.NOT_FOUND);
                    ctx.completeNow();
                })));
    }

    @Test
    void publishNeedsThePublishScopeOrSystem(VertxTestContext ctx) {
        Principal plain = Principal.of("alice", "acme", WRITE);
        Principal publisher = Principal.of("feed", "acme", "events:publish");
        Incremented fact = new Incremented("c9", 1);
        dispatcher.publish(StreamId.of("Counter", "c9"),
                        List.of(Envelope.create(plain, registry.codecs().typeOf(fact), fact)))
                .recover(failure -> {
                    ctx.verify(() -> assertCode(failure, ErrorCode.PERMISSION_DENIED));
                    return dispatcher.publish(StreamId.of("Counter", "c9"),
                            List.of(Envelope.create(publisher, registry.codecs().typeOf(fact), fact)));
                })
                .onComplete(ctx.succeeding(receipt -> ctx.verify(() -> {
                    assertThat(receipt.version()).isEqualTo(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void eventMetadataKeepsTheJourney(VertxTestContext ctx) {
        dispatcher.send(ALICE, new Increment("c1", 1))
                .compose(receipt -> ledger.readAll(0, 1))
                .onComplete(ctx.succeeding(events -> ctx.verify(() -> {
                    JsonObject meta = events.get(0).metadata();
                    assertThat(meta.getString("correlationId")).isNotBlank();
                    assertThat(meta.getString("causationId")).isNotBlank();
                    assertThat(meta.getString("subject")).isEqualTo("alice");
                    assertThat(MessageIds.timestampOf(events.get(0).eventId())).isPositive();
                    ctx.completeNow();
                })));
    }
}
