package io.whizbang.ledger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import io.whizbang.outbox.OutboxRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour every ledger driver must have; a driver's test extends this class and supplies an empty ledger.
 */
@ExtendWith(VertxExtension.class)
public abstract class LedgerContractTest {
    protected static final StreamId ORDER = StreamId.of("Order", "42");
    protected Ledger ledger;

    /** An empty ledger of the driver under test. */
    protected abstract Future<Ledger> createLedger(Vertx vertx);

    @BeforeEach
    void openLedger(Vertx vertx, VertxTestContext ctx) {
        createLedger(vertx).onComplete(ctx.succeeding(created -> {
            ledger = created;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void closeLedger(VertxTestContext ctx) {
        ledger.close().onComplete(ctx.succeedingThenComplete());
    }

    protected static EventData event(String type, int n) {
        return new EventData(MessageIds.next(), type, 1, new JsonObject().put("n", n),
                new JsonObject().put("correlationId", UUID.randomUUID().toString()));
    }

    protected static List<EventData> events(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> event("Happened", n)).toList();
    }

    @Test
    void appendToNewStreamStartsAtVersionOne(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.noStream(), events(3))
                .compose(result -> {
                    ctx.verify(() -> assertThat(result.version()).isEqualTo(3));
                    return ledger.readStream("acme", ORDER, 1, 100);
                })
                .onComplete(ctx.succeeding(slice -> ctx.verify(() -> {
                    assertThat(slice.streamVersion()).isEqualTo(3);
                    assertThat(slice.endOfStream()).isTrue();
                    assertThat(slice.events()).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
                    assertThat(slice.events()).extracting(e -> e.payload().getInteger("n")).containsExactly(1, 2, 3);
                    assertThat(slice.events()).allSatisfy(e -> {
                        assertThat(e.tenant()).isEqualTo("acme");
                        assertThat(e.stream()).isEqualTo(ORDER);
                        assertThat(e.type()).isEqualTo("Happened");
                        assertThat(e.metadata().getString("correlationId")).isNotBlank();
                    });
                    ctx.completeNow();
                })));
    }

    @Test
    void appendWithStaleVersionIsRejectedWithNamedConflict(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.noStream(), events(7))
                .compose(done -> ledger.append("acme", ORDER, ExpectedVersion.exactly(5), events(1)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).isInstanceOf(ConcurrencyException.class);
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(failure.getMessage())
                            .isEqualTo("stream Order-42 of tenant acme is at version 7, the command expected version 5");
                    assertThat(((ConcurrencyException) failure).actualVersion()).isEqualTo(7);
                    ctx.completeNow();
                })));
    }

    @Test
    void noStreamExpectationFailsWhenTheStreamExists(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.any(), events(1))
                .compose(done -> ledger.append("acme", ORDER, ExpectedVersion.noStream(), events(1)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).isInstanceOf(ConcurrencyException.class).hasMessageContaining("no stream");
                    ctx.completeNow();
                })));
    }

    @Test
    void exactVersionFailsForAMissingStream(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.exactly(2), events(1))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).isInstanceOf(ConcurrencyException.class);
                    ctx.completeNow();
                })));
    }

    @Test
    void anyVersionAppendsAfterWhateverIsThere(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.any(), events(2))
                .compose(done -> ledger.append("acme", ORDER, ExpectedVersion.any(), events(2)))
                .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
                    assertThat(result.version()).isEqualTo(4);
                    ctx.completeNow();
                })));
    }

    @Test
    void readingAnUnknownStreamGivesAnEmptySliceAtVersionZero(VertxTestContext ctx) {
        ledger.readStream("acme", StreamId.of("Order", "nope"), 1, 10)
                .onComplete(ctx.succeeding(slice -> ctx.verify(() -> {
                    assertThat(slice.events()).isEmpty();
                    assertThat(slice.streamVersion()).isZero();
                    assertThat(slice.endOfStream()).isTrue();
                    ctx.completeNow();
                })));
    }

    @Test
    void readStreamPagesFromAVersion(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.noStream(), events(10))
                .compose(done -> ledger.readStream("acme", ORDER, 4, 3))
                .onComplete(ctx.succeeding(slice -> ctx.verify(() -> {
                    assertThat(slice.events()).extracting(RecordedEvent::version).containsExactly(4L, 5L, 6L);
                    assertThat(slice.endOfStream()).isFalse();
                    assertThat(slice.streamVersion()).isEqualTo(10);
                    ctx.completeNow();
                })));
    }

    @Test
    void streamsOfDifferentTenantsAreSeparate(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.noStream(), events(2))
                .compose(done -> ledger.append("globex", ORDER, ExpectedVersion.noStream(), events(1)))
                .compose(done -> ledger.readStream("globex", ORDER, 1, 10))
                .onComplete(ctx.succeeding(slice -> ctx.verify(() -> {
                    assertThat(slice.events()).hasSize(1);
                    assertThat(slice.events().get(0).tenant()).isEqualTo("globex");
                    ctx.completeNow();
                })));
    }

    @Test
    void readAllIsOneGlobalOrderAcrossStreamsAndTenants(VertxTestContext ctx) {
        ledger.append("acme", StreamId.of("Order", "1"), ExpectedVersion.any(), events(2))
                .compose(done -> ledger.append("globex", StreamId.of("Order", "2"), ExpectedVersion.any(), events(2)))
                .compose(done -> ledger.append("acme", StreamId.of("Order", "1"), ExpectedVersion.any(), events(1)))
                .compose(done -> ledger.readAll(0, 100))
                .compose(all -> {
                    ctx.verify(() -> {
                        assertThat(all).extracting(RecordedEvent::position).containsExactly(1L, 2L, 3L, 4L, 5L);
                        assertThat(all).extracting(RecordedEvent::tenant)
                                .containsExactly("acme", "acme", "globex", "globex", "acme");
                    });
                    return ledger.readAll(2, 2);
                })
                .compose(page -> {
                    ctx.verify(() -> assertThat(page).extracting(RecordedEvent::position).containsExactly(3L, 4L));
                    return ledger.head();
                })
                .onComplete(ctx.succeeding(head -> ctx.verify(() -> {
                    assertThat(head).isEqualTo(5);
                    ctx.completeNow();
                })));
    }

    @Test
    void multiStreamAppendCommitsAllOrNothing(VertxTestContext ctx) {
        StreamId stock = StreamId.of("Inventory", "SKU-1");
        ledger.append("acme", stock, ExpectedVersion.noStream(), events(1))
                .compose(done -> ledger.append(List.of(
                        new StreamAppend("acme", ORDER, ExpectedVersion.noStream(), events(2)),
                        new StreamAppend("acme", stock, ExpectedVersion.noStream(), events(1)))))
                .recover(failure -> {
                    ctx.verify(() -> assertThat(failure).isInstanceOf(ConcurrencyException.class)
                            .hasMessageContaining("Inventory-SKU-1"));
                    return ledger.readStream("acme", ORDER, 1, 10).map(slice -> {
                        ctx.verify(() -> assertThat(slice.events()).as("nothing of a failed append").isEmpty());
                        return null;
                    });
                })
                .compose(v -> ledger.append(List.of(
                        new StreamAppend("acme", ORDER, ExpectedVersion.noStream(), events(2)),
                        new StreamAppend("acme", stock, ExpectedVersion.exactly(1), events(1)))))
                .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
                    assertThat(result.streams()).extracting(AppendResult.StreamVersion::version)
                            .containsExactly(2L, 2L);
                    assertThat(result.position()).isEqualTo(4);
                    ctx.completeNow();
                })));
    }

    @Test
    void retryingAnAppendWithTheSameEventIdsIsIdempotent(VertxTestContext ctx) {
        List<EventData> batch = events(3);
        ledger.append("acme", ORDER, ExpectedVersion.noStream(), batch)
                .compose(first -> ledger.append("acme", ORDER, ExpectedVersion.noStream(), batch)
                        .map(second -> {
                            ctx.verify(() -> {
                                assertThat(second.version()).isEqualTo(first.version());
                                assertThat(second.position()).isEqualTo(first.position());
                            });
                            return second;
                        }))
                .compose(done -> ledger.readAll(0, 100))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(all).hasSize(3);
                    ctx.completeNow();
                })));
    }

    @Test
    void oversizeEventIsRejectedAndNothingIsWritten(VertxTestContext ctx) {
        String big = "x".repeat(LedgerOptions.DEFAULT_MAX_EVENT_BYTES + 1);
        EventData huge = new EventData(MessageIds.next(), "Huge", 1, new JsonObject().put("blob", big),
                new JsonObject());
        ledger.append("acme", ORDER, ExpectedVersion.any(), List.of(event("Small", 1), huge))
                .recover(failure -> {
                    ctx.verify(() -> {
                        assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(failure.getMessage()).contains("Huge").contains("limit");
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
    void concurrentWritersAtTheSameVersionOnlyOneWins(Vertx vertx, VertxTestContext ctx) {
        List<Future<AppendResult>> attempts = new ArrayList<>();
        ledger.append("acme", ORDER, ExpectedVersion.noStream(), events(1))
                .compose(done -> {
                    IntStream.range(0, 8).forEach(i ->
                            attempts.add(ledger.append("acme", ORDER, ExpectedVersion.exactly(1), events(1))));
                    return Future.join(attempts).otherwiseEmpty();
                })
                .compose(settled -> ledger.readStream("acme", ORDER, 1, 100))
                .onComplete(ctx.succeeding(slice -> ctx.verify(() -> {
                    assertThat(attempts.stream().filter(Future::succeeded).count()).isEqualTo(1);
                    assertThat(attempts.stream().filter(Future::failed).map(Future::cause))
                            .allSatisfy(cause -> assertThat(cause).isInstanceOf(ConcurrencyException.class));
                    assertThat(slice.streamVersion()).isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    @Test
    void subscriptionDeliversStoredThenLiveEventsExactlyOnceInOrder(Vertx vertx, VertxTestContext ctx)
            throws InterruptedException {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        ledger.append("acme", ORDER, ExpectedVersion.any(), events(5)).onComplete(ctx.succeeding(done -> {
            Subscription subscription = ledger.subscribe(vertx, 0, 2, batch -> {
                batch.forEach(event -> seen.add(event.position()));
                if (seen.size() == 5) {
                    ledger.append("globex", StreamId.of("Order", "7"), ExpectedVersion.any(), events(3));
                }
                if (seen.size() == 8) {
                    ctx.verify(() -> assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
                    ctx.completeNow();
                }
                return Future.succeededFuture();
            });
            ctx.verify(() -> assertThat(subscription.position()).isGreaterThanOrEqualTo(0));
        }));
        assertThat(ctx.awaitCompletion(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void subscriptionWaitsForTheHandlerBeforeTheNextBatch(Vertx vertx, VertxTestContext ctx) {
        Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
        List<Promise<Void>> pending = Collections.synchronizedList(new ArrayList<>());
        ledger.append("acme", ORDER, ExpectedVersion.any(), events(6)).onComplete(ctx.succeeding(done -> {
            ledger.subscribe(vertx, 0, 2, batch -> {
                ctx.verify(() -> assertThat(inFlight.add(1)).as("one batch at a time").isTrue());
                Promise<Void> promise = Promise.promise();
                pending.add(promise);
                vertx.setTimer(20, id -> {
                    inFlight.remove(1);
                    promise.complete();
                    if (pending.size() == 3 && batch.get(batch.size() - 1).position() == 6) {
                        ctx.completeNow();
                    }
                });
                return promise.future();
            });
        }));
    }

    @Test
    void cancelledSubscriptionCompletesAndStopsDelivering(Vertx vertx, VertxTestContext ctx) {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        Subscription subscription = ledger.subscribe(vertx, 0, 10, batch -> {
            batch.forEach(event -> seen.add(event.position()));
            return Future.succeededFuture();
        });
        ledger.append("acme", ORDER, ExpectedVersion.any(), events(2))
                .compose(done -> {
                    Promise<Void> delivered = Promise.promise();
                    long timer = vertx.setPeriodic(10, id -> {
                        if (seen.size() == 2) {
                            delivered.tryComplete();
                        }
                    });
                    return delivered.future().onComplete(x -> vertx.cancelTimer(timer));
                })
                .compose(done -> subscription.cancel())
                .compose(done -> ledger.append("acme", ORDER, ExpectedVersion.any(), events(2)))
                .compose(done -> {
                    Promise<Void> settle = Promise.promise();
                    vertx.setTimer(100, id -> settle.complete());
                    return settle.future();
                })
                .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
                    assertThat(seen).containsExactly(1L, 2L);
                    assertThat(subscription.completion().succeeded()).isTrue();
                    ctx.completeNow();
                })));
    }

    protected static OutboxMessage message(String tenant, String key, int n) {
        return new OutboxMessage(MessageIds.next(), tenant, "orders", key, new JsonObject().put("n", n),
                new JsonObject().put("type", "Happened"));
    }

    @Test
    void outboxMessagesCommitWithTheEventsInOrder(VertxTestContext ctx) {
        ledger.append(List.of(new StreamAppend("acme", ORDER, ExpectedVersion.noStream(), events(1))),
                        List.of(message("acme", "Order-42", 1), message("acme", "Order-42", 2)))
                .compose(done -> ledger.append(List.of(new StreamAppend("globex", ORDER, ExpectedVersion.noStream(),
                        events(1))), List.of(message("globex", "Order-42", 3))))
                .compose(done -> ledger.outbox().pending(10))
                .onComplete(ctx.succeeding(pending -> ctx.verify(() -> {
                    assertThat(pending).extracting(record -> record.message().payload().getInteger("n"))
                            .containsExactly(1, 2, 3);
                    assertThat(pending).extracting(record -> record.message().tenant())
                            .containsExactly("acme", "acme", "globex");
                    assertThat(pending).extracting(OutboxRecord::sequence).isSorted().doesNotHaveDuplicates();
                    assertThat(pending.get(0).message().headers().getString("type")).isEqualTo("Happened");
                    ctx.completeNow();
                })));
    }

    @Test
    void aRefusedAppendWritesNoOutboxRow(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.noStream(), events(1))
                .compose(done -> ledger.append(List.of(new StreamAppend("acme", ORDER, ExpectedVersion.noStream(),
                        events(1))), List.of(message("acme", "Order-42", 1))))
                .recover(failure -> {
                    ctx.verify(() -> assertThat(failure).isInstanceOf(ConcurrencyException.class));
                    return Future.succeededFuture();
                })
                .compose(done -> ledger.outbox().pending(10))
                .onComplete(ctx.succeeding(pending -> ctx.verify(() -> {
                    assertThat(pending).isEmpty();
                    ctx.completeNow();
                })));
    }

    @Test
    void aRetriedAppendWritesItsOutboxRowsOnce(VertxTestContext ctx) {
        List<StreamAppend> appends = List.of(new StreamAppend("acme", ORDER, ExpectedVersion.noStream(), events(2)));
        List<OutboxMessage> outbox = List.of(message("acme", "Order-42", 1));
        ledger.append(appends, outbox)
                .compose(done -> ledger.append(appends, outbox))
                .compose(done -> ledger.outbox().pending(10))
                .onComplete(ctx.succeeding(pending -> ctx.verify(() -> {
                    assertThat(pending).hasSize(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void publishedOutboxRecordsAreNoLongerPending(VertxTestContext ctx) {
        ledger.append(List.of(new StreamAppend("acme", ORDER, ExpectedVersion.any(), events(1))),
                        List.of(message("acme", "k", 1), message("acme", "k", 2), message("acme", "k", 3)))
                .compose(done -> ledger.outbox().pending(2))
                .compose(firstTwo -> {
                    ctx.verify(() -> assertThat(firstTwo).hasSize(2));
                    List<Long> sequences = firstTwo.stream().map(OutboxRecord::sequence).toList();
                    return ledger.outbox().markPublished(sequences)
                            .compose(done -> ledger.outbox().markPublished(sequences));
                })
                .compose(done -> ledger.outbox().pending(10))
                .onComplete(ctx.succeeding(pending -> ctx.verify(() -> {
                    assertThat(pending).extracting(record -> record.message().payload().getInteger("n"))
                            .containsExactly(3);
                    ctx.completeNow();
                })));
    }

    private static Snapshot snapshot(String tenant, long version) {
        return new Snapshot(tenant, ORDER, version, "Order", 1, new JsonObject().put("at", version),
                java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void theNewestSnapshotOfAStreamIsKeptPerTenant(VertxTestContext ctx) {
        SnapshotStore snapshots = ledger.snapshots();
        snapshots.save(snapshot("acme", 50))
                .compose(done -> snapshots.save(snapshot("acme", 100)))
                .compose(done -> snapshots.save(snapshot("acme", 75)))
                .compose(done -> snapshots.save(snapshot("globex", 5)))
                .compose(done -> snapshots.load("acme", ORDER))
                .compose(acme -> {
                    ctx.verify(() -> {
                        assertThat(acme).isPresent();
                        assertThat(acme.get().version()).isEqualTo(100);
                        assertThat(acme.get().state().getLong("at")).isEqualTo(100);
                        assertThat(acme.get().stateType()).isEqualTo("Order");
                    });
                    return snapshots.load("globex", ORDER);
                })
                .compose(globex -> {
                    ctx.verify(() -> assertThat(globex.map(Snapshot::version)).contains(5L));
                    return snapshots.load("initech", ORDER);
                })
                .onComplete(ctx.succeeding(none -> ctx.verify(() -> {
                    assertThat(none).isEmpty();
                    ctx.completeNow();
                })));
    }

    @Test
    void streamInfoTellsVersionAndTimesWithoutReadingEverything(VertxTestContext ctx) {
        ledger.append("acme", ORDER, ExpectedVersion.noStream(), events(4))
                .compose(done -> ledger.info("acme", ORDER))
                .compose(info -> {
                    ctx.verify(() -> {
                        assertThat(info.exists()).isTrue();
                        assertThat(info.version()).isEqualTo(4);
                        assertThat(info.createdAt()).isNotNull();
                        assertThat(info.updatedAt()).isAfterOrEqualTo(info.createdAt());
                    });
                    return ledger.info("globex", ORDER);
                })
                .onComplete(ctx.succeeding(absent -> ctx.verify(() -> {
                    assertThat(absent.exists()).isFalse();
                    assertThat(absent.version()).isZero();
                    assertThat(absent.createdAt()).isNull();
                    ctx.completeNow();
                })));
    }
}
