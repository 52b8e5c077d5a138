package io.whizbang.eventstore.sqlite;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Many writers at once: group commits must keep every append whole, ordered and isolated from its neighbours. */
@ExtendWith(VertxExtension.class)
class SqliteConcurrencyTest {
    private static final StreamId ORDERS = StreamId.of("Order", "shared");
    private static final StreamId STOCK = StreamId.of("Inventory", "shared");
    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 40;

    @TempDir
    Path directory;

    private Future<SqliteLedger> open(Vertx vertx) {
        return SqliteLedger.open(vertx, new SqliteLedgerOptions().setFile(directory.resolve("c.db").toString()));
    }

    private static List<EventData> tagged(String tag, int count) {
        return IntStream.range(0, count).mapToObj(n -> new EventData(MessageIds.next(), "Happened", 1,
                new JsonObject().put("n", n), new JsonObject().put("append", tag))).toList();
    }

    /** Appends two events to each of two shared streams, again and again, from its own context. */
    private static final class Appender extends VerticleBase {
        private final SqliteLedger ledger;
        private final String name;
        private final Map<String, AppendResult> results;

        Appender(SqliteLedger ledger, String name, Map<String, AppendResult> results) {
            this.ledger = ledger;
            this.name = name;
            this.results = results;
        }

        @Override
        public Future<?> start() {
            List<Future<AppendResult>> appends = new ArrayList<>();
            for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                String tag = name + "-" + i;
                appends.add(ledger.append(List.of(
                                new StreamAppend("acme", ORDERS, ExpectedVersion.any(), tagged(tag, 2)),
                                new StreamAppend("acme", STOCK, ExpectedVersion.any(), tagged(tag, 2))))
                        .onSuccess(result -> results.put(tag, result)));
            }
            return Future.all(appends);
        }
    }

    @Test
    void concurrentMultiStreamAppendsFromManyContextsStayWholeAndGapFree(Vertx vertx, VertxTestContext ctx) {
        Map<String, AppendResult> results = new ConcurrentHashMap<>();
        open(vertx).compose(ledger -> {
                    List<Future<String>> deployed = new ArrayList<>();
                    for (int w = 0; w < WRITERS; w++) {
                        deployed.add(vertx.deployVerticle(new Appender(ledger, "w" + w, results)));
                    }
                    return Future.all(deployed)
                            .compose(done -> ledger.readAll(0, 100_000))
                            .compose(all -> ledger.readStream("acme", ORDERS, 1, 100_000)
                                    .map(orders -> {
                                        ctx.verify(() -> check(all, orders.events(), results));
                                        return null;
                                    }))
                            .eventually(ledger::close);
                })
                .onComplete(ctx.succeedingThenComplete());
    }

    private static void check(List<RecordedEvent> all, List<RecordedEvent> orders, Map<String, AppendResult> results) {
        int total = WRITERS * APPENDS_PER_WRITER * 4;
        assertThat(all).extracting(RecordedEvent::position)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total).mapToObj(Long::valueOf).toList());
        assertThat(orders).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total / 2).mapToObj(Long::valueOf).toList());
        Map<String, List<Long>> positionsByAppend = all.stream().collect(Collectors.groupingBy(
                event -> event.metadata().getString("append"),
                Collectors.mapping(RecordedEvent::position, Collectors.toList())));
        assertThat(positionsByAppend).hasSize(WRITERS * APPENDS_PER_WRITER);
        positionsByAppend.forEach((tag, positions) -> {
            long first = Collections.min(positions);
            assertThat(positions).as("append %s is one uninterrupted run", tag)
                    .containsExactly(first, first + 1, first + 2, first + 3);
            assertThat(results.get(tag).position()).as("the result of %s names its last event", tag)
                    .isEqualTo(first + 3);
        });
    }

    @Test
    void aRefusedAppendInAGroupCommitLeavesItsNeighboursCommitted(Vertx vertx, VertxTestContext ctx) {
        List<Future<AppendResult>> attempts = new ArrayList<>();
        long[] commits = new long[2];
        open(vertx).compose(ledger -> ledger.append("acme", ORDERS, ExpectedVersion.noStream(), tagged("seed", 1))
                        .compose(seeded -> {
                            commits[0] = ledger.commits();
                            // queued together: every third one conflicts, the others write their own stream
                            for (int i = 0; i < 60; i++) {
                                StreamId stream = i % 3 == 0 ? ORDERS : StreamId.of("Order", "own-" + i);
                                attempts.add(ledger.append(List.of(new StreamAppend("acme", stream,
                                        ExpectedVersion.noStream(), tagged("a" + i, 3)))));
                            }
                            return Future.join(attempts).otherwiseEmpty();
                        })
                        .compose(settled -> {
                            commits[1] = ledger.commits();
                            return ledger.readAll(0, 10_000);
                        })
                        .eventually(ledger::close))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertThat(commits[1] - commits[0]).as("appends were committed in groups").isLessThan(40);
                    for (int i = 0; i < attempts.size(); i++) {
                        if (i % 3 == 0) {
                            assertThat(attempts.get(i).cause()).isInstanceOf(ConcurrencyException.class);
                        } else {
                            assertThat(attempts.get(i).succeeded()).isTrue();
                        }
                    }
                    assertThat(all).hasSize(1 + 40 * 3);
                    assertThat(all).extracting(RecordedEvent::position)
                            .containsExactlyElementsOf(LongRange.to(1 + 40 * 3));
                    ctx.completeNow();
                })));
    }

    /** Positions 1 to n. */
    private static final class LongRange {
        static List<Long> to(int n) {
            return IntStream.rangeClosed(1, n).mapToObj(Long::valueOf).toList();
        }
    }
}
