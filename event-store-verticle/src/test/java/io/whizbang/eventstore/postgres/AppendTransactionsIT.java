package io.whizbang.eventstore.postgres;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appends issued together share append transactions, yet each keeps its own outcome: the one the server refuses,
 * the one with a stale expected version and the retried one fail or answer alone, and every other one commits.
 */
@ExtendWith(VertxExtension.class)
class AppendTransactionsIT {
    private static final int APPENDS = 60;

    @Test
    @Timeout(value = 1, timeUnit = TimeUnit.MINUTES)
    void appendsThatShareATransactionKeepTheirOwnOutcomes(Vertx vertx, VertxTestContext ctx) {
        PostgresLedger.connect(vertx, PostgresServer.get().freshOptions()).onComplete(ctx.succeeding(ledger -> {
            List<EventData> first = List.of(event("first", 1));
            StreamAppend original = new StreamAppend("acme", StreamId.of("Order", "retried"),
                    ExpectedVersion.noStream(), first);
            ledger.append(List.of(original)).onComplete(ctx.succeeding(stored -> {
                Context caller = vertx.getOrCreateContext();
                caller.runOnContext(go -> {
                    List<Future<AppendResult>> results = new ArrayList<>();
                    List<Set<Context>> completedOn = new ArrayList<>();
                    for (int i = 0; i < APPENDS; i++) {
                        Future<AppendResult> result = ledger.append(appends(i, original));
                        results.add(result);
                        Set<Context> on = java.util.concurrent.ConcurrentHashMap.newKeySet();
                        result.onComplete(done -> on.add(Vertx.currentContext()));
                        completedOn.add(on);
                    }
                    Future.join(results).onComplete(all -> ledger.readAll(0, 1000).onComplete(ctx.succeeding(
                            events -> ctx.verify(() -> {
                                check(results, stored, events);
                                completedOn.forEach(on -> assertThat(on).containsExactly(caller));
                                ledger.close().onComplete(ctx.succeedingThenComplete());
                            }))));
                });
            }));
        }));
    }

    /** Appends 5 and 11 write two streams each. */
    private static final Set<Integer> TWO_STREAMS = Set.of(5, 11);

    /**
     * Append 7 stores what jsonb cannot, 13 expects a stale version, 17 writes two streams and expects a stale
     * version of its second, 21 repeats the first append; the rest are new, 5 and 11 to two streams each.
     */
    private static List<StreamAppend> appends(int i, StreamAppend original) {
        StreamAppend order = new StreamAppend("acme", StreamId.of("Order", i), ExpectedVersion.noStream(),
                List.of(event("new", i), event("new", i)));
        return switch (i) {
            case 7 -> List.of(new StreamAppend("acme", StreamId.of("Order", i), ExpectedVersion.noStream(),
                    List.of(new EventData(MessageIds.next(), "Noted", 1, new JsonObject().put("text", "a\u0000b"),
                            new JsonObject()))));
            case 13 -> List.of(new StreamAppend("acme", StreamId.of("Order", i), ExpectedVersion.exactly(4),
                    List.of(event("stale", i))));
            case 17 -> List.of(order, new StreamAppend("acme", StreamId.of("Invoice", i), ExpectedVersion.exactly(3),
                    List.of(event("stale", i))));
            case 21 -> List.of(original);
            case 5, 11 -> List.of(order, new StreamAppend("acme", StreamId.of("Invoice", i),
                    ExpectedVersion.noStream(), List.of(event("new", i))));
            default -> List.of(order);
        };
    }

    private static void check(List<Future<AppendResult>> results, AppendResult stored, List<RecordedEvent> events) {
        assertThat(((WhizbangException) results.get(7).cause()).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(results.get(13).cause()).isInstanceOf(ConcurrencyException.class);
        assertThat(results.get(17).cause()).isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining(StreamId.of("Invoice", 17).value());
        assertThat(((ConcurrencyException) results.get(17).cause()).actualVersion()).isZero();
        assertThat(results.get(21).result()).isEqualTo(stored);
        Set<Integer> refused = Set.of(7, 13, 17, 21);
        List<AppendResult> written = new ArrayList<>();
        for (int i = 0; i < APPENDS; i++) {
            if (!refused.contains(i)) {
                assertThat(results.get(i).succeeded()).as("append %d: %s", i, results.get(i).cause()).isTrue();
                AppendResult result = results.get(i).result();
                assertThat(result.streams()).extracting(AppendResult.StreamVersion::version)
                        .containsExactlyElementsOf(TWO_STREAMS.contains(i) ? List.of(2L, 1L) : List.of(2L));
                written.add(result);
            }
        }
        // The first append and the events of the others, once each, densely numbered.
        int expected = 1 + 2 * (APPENDS - refused.size()) + TWO_STREAMS.size();
        assertThat(events).extracting(RecordedEvent::position)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, expected).boxed().toList());
        Set<String> streams = events.stream().map(event -> event.stream().value()).collect(Collectors.toSet());
        assertThat(streams).doesNotContain(StreamId.of("Order", 7).value(), StreamId.of("Order", 13).value(),
                StreamId.of("Order", 17).value(), StreamId.of("Invoice", 17).value());
        Set<UUID> ids = events.stream().map(RecordedEvent::eventId).collect(Collectors.toSet());
        assertThat(ids).hasSize(expected);
        // Each append's answer is the position of its last event: the last of its last stream.
        for (AppendResult result : written) {
            RecordedEvent last = events.get((int) result.position() - 1);
            AppendResult.StreamVersion lastStream = result.streams().get(result.streams().size() - 1);
            assertThat(last.stream()).isEqualTo(lastStream.stream());
            assertThat(last.version()).isEqualTo(lastStream.version());
        }
    }

    private static EventData event(String type, int n) {
        return new EventData(MessageIds.next(), type, 1, new JsonObject().put("n", n), new JsonObject());
    }
}
