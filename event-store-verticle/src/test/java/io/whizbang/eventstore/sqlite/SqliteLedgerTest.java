package io.whizbang.eventstore.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.Snapshot;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the SQLite ledger promises beyond the contract: its data outlives it, and its settings are the safe ones. */
@ExtendWith(VertxExtension.class)
class SqliteLedgerTest {
    private static final StreamId ORDER = StreamId.of("Order", "42");
    private static final StreamId STOCK = StreamId.of("Inventory", "SKU-1");

    @TempDir
    Path directory;

    private SqliteLedgerOptions options() {
        return new SqliteLedgerOptions().setFile(directory.resolve("data").resolve("whizbang.db").toString());
    }

    private static List<EventData> events(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> new EventData(MessageIds.next(), "Happened", 1,
                new JsonObject().put("n", n), new JsonObject().put("correlationId", "c-" + n))).toList();
    }

    @Test
    void eventsOutboxAndSnapshotsSurviveClosingAndReopeningTheFile(Vertx vertx, VertxTestContext ctx) {
        List<RecordedEvent> before = new ArrayList<>();
        OutboxMessage message = new OutboxMessage(MessageIds.next(), "acme", "orders", "Order-42",
                new JsonObject().put("n", 1), new JsonObject());
        Snapshot snapshot = new Snapshot("acme", ORDER, 3, "Order", 1, new JsonObject().put("at", 3),
                Instant.parse("2026-01-01T00:00:00.123456Z"));
        // given a file with events in two tenants, an outbox row and a snapshot
        SqliteLedger.open(vertx, options())
                .compose(ledger -> ledger.append(List.of(
                                new StreamAppend("acme", ORDER, ExpectedVersion.noStream(), events(3)),
                                new StreamAppend("acme", STOCK, ExpectedVersion.noStream(), events(1))),
                                List.of(message))
                        .compose(done -> ledger.append("globex", ORDER, ExpectedVersion.noStream(), events(2)))
                        .compose(done -> ledger.snapshots().save(snapshot))
                        .compose(done -> ledger.readAll(0, 100))
                        .map(all -> before.addAll(all))
                        .eventually(ledger::close))
                // when it is opened again
                .compose(closed -> SqliteLedger.open(vertx, options()))
                .compose(reopened -> reopened.readAll(0, 100)
                        .compose(after -> {
                            // then everything is as it was, positions and versions included
                            ctx.verify(() -> {
                                assertThat(after).hasSize(6).isEqualTo(before);
                                assertThat(after).extracting(RecordedEvent::position)
                                        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
                            });
                            return reopened.readStream("acme", ORDER, 1, 100);
                        })
                        .compose(slice -> {
                            ctx.verify(() -> {
                                assertThat(slice.streamVersion()).isEqualTo(3);
                                assertThat(slice.events()).extracting(e -> e.payload().getInteger("n"))
                                        .containsExactly(1, 2, 3);
                            });
                            return reopened.outbox().pending(10);
                        })
                        .compose(pending -> {
                            ctx.verify(() -> assertThat(pending).singleElement()
                                    .satisfies(record -> assertThat(record.message()).isEqualTo(message)));
                            return reopened.snapshots().load("acme", ORDER);
                        })
                        .compose(loaded -> {
                            ctx.verify(() -> assertThat(loaded).contains(snapshot));
                            // and the next append continues where the file left off
                            return reopened.append("acme", ORDER, ExpectedVersion.exactly(3), events(1));
                        })
                        .eventually(reopened::close))
                .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
                    assertThat(result.version()).isEqualTo(4);
                    assertThat(result.position()).isEqualTo(7);
                    ctx.completeNow();
                })));
    }

    @Test
    void theWriterSyncsEveryCommitInWriteAheadLogMode(Vertx vertx, VertxTestContext ctx) {
        SqliteLedger.open(vertx, options())
                .compose(ledger -> Future.all(ledger.writerPragma("synchronous"), ledger.writerPragma("journal_mode"),
                                ledger.writerPragma("foreign_keys"), ledger.writerPragma("busy_timeout"))
                        .eventually(ledger::close))
                .onComplete(ctx.succeeding(pragmas -> ctx.verify(() -> {
                    assertThat(pragmas.<String>resultAt(0)).as("synchronous = FULL").isEqualTo("2");
                    assertThat(pragmas.<String>resultAt(1)).isEqualTo("wal");
                    assertThat(pragmas.<String>resultAt(2)).isEqualTo("1");
                    assertThat(pragmas.<String>resultAt(3))
                            .isEqualTo(String.valueOf(SqliteLedgerOptions.DEFAULT_BUSY_TIMEOUT_MILLIS));
                    ctx.completeNow();
                })));
    }

    @Test
    void normalSynchronousIsUsedOnlyWhenAskedFor(Vertx vertx, VertxTestContext ctx) {
        SqliteLedger.open(vertx, options().setSynchronous(SqliteLedgerOptions.Synchronous.NORMAL))
                .compose(ledger -> ledger.writerPragma("synchronous").eventually(ledger::close))
                .onComplete(ctx.succeeding(synchronous -> ctx.verify(() -> {
                    assertThat(synchronous).isEqualTo("1");
                    ctx.completeNow();
                })));
    }

    @Test
    void theSchemaIsMigratedOnceAndRecorded(Vertx vertx, VertxTestContext ctx) throws Exception {
        SqliteLedger.open(vertx, options())
                .compose(SqliteLedger::close)
                .compose(done -> SqliteLedger.open(vertx, options()))
                .compose(SqliteLedger::close)
                .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
                    try (Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + options().getFile());
                         Statement statement = jdbc.createStatement();
                         ResultSet rows = statement.executeQuery("SELECT version FROM schema_migrations")) {
                        List<Integer> versions = new ArrayList<>();
                        while (rows.next()) {
                            versions.add(rows.getInt(1));
                        }
                        assertThat(versions).containsExactly(1, 2);
                    }
                    ctx.completeNow();
                })));
    }

    @Test
    void aFileOfANewerSchemaIsRefused(Vertx vertx, VertxTestContext ctx) {
        SqliteLedger.open(vertx, options())
                .compose(SqliteLedger::close)
                .compose(done -> {
                    try (Connection jdbc = DriverManager.getConnection("jdbc:sqlite:" + options().getFile());
                         Statement statement = jdbc.createStatement()) {
                        statement.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', 0)");
                    } catch (Exception e) {
                        return Future.failedFuture(e);
                    }
                    return SqliteLedger.open(vertx, options());
                })
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).hasMessageContaining("schema version 99").hasMessageContaining("newer");
                    ctx.completeNow();
                })));
    }

    @Test
    void anAppendRetriedAtAnyVersionIsRecognisedByItsEventIds(Vertx vertx, VertxTestContext ctx) {
        List<EventData> batch = events(2);
        SqliteLedger.open(vertx, options())
                .compose(ledger -> ledger.append("acme", ORDER, ExpectedVersion.any(), batch)
                        .compose(first -> ledger.append("acme", ORDER, ExpectedVersion.any(), batch)
                                .map(second -> {
                                    ctx.verify(() -> assertThat(second).isEqualTo(first));
                                    return second;
                                }))
                        .compose(done -> ledger.append("acme", ORDER, ExpectedVersion.any(),
                                List.of(batch.get(0), events(1).get(0))))
                        .recover(partial -> {
                            ctx.verify(() -> {
                                assertThat(((WhizbangException) partial).code()).isEqualTo(ErrorCode.CONFLICT);
                                assertThat(partial).hasMessageContaining("some but not all");
                            });
                            return Future.succeededFuture();
                        })
                        .compose(done -> ledger.head())
                        .eventually(ledger::close))
                .onComplete(ctx.succeeding(head -> ctx.verify(() -> {
                    assertThat(head).as("nothing written twice").isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    @Test
    void futuresCompleteOnTheCallersContext(Vertx vertx, VertxTestContext ctx) {
        Context caller = vertx.getOrCreateContext();
        caller.runOnContext(v -> SqliteLedger.open(vertx, options())
                .compose(ledger -> {
                    ctx.verify(() -> assertThat(Vertx.currentContext()).isSameAs(caller));
                    return ledger.append("acme", ORDER, ExpectedVersion.any(), events(1))
                            .compose(done -> {
                                ctx.verify(() -> assertThat(Vertx.currentContext()).isSameAs(caller));
                                return ledger.readStream("acme", ORDER, 1, 10);
                            })
                            .map(slice -> {
                                ctx.verify(() -> assertThat(Vertx.currentContext()).isSameAs(caller));
                                return slice;
                            })
                            .eventually(ledger::close);
                })
                .onComplete(ctx.succeedingThenComplete()));
    }

    @Test
    void aClosedLedgerIsUnavailable(Vertx vertx, VertxTestContext ctx) {
        SqliteLedger.open(vertx, options())
                .compose(ledger -> ledger.close().compose(done -> Future.join(
                        ledger.append("acme", ORDER, ExpectedVersion.any(), events(1)), ledger.head())))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(failure).hasMessageContaining("closed");
                    ctx.completeNow();
                })));
    }

    @Test
    void optionsRoundTripThroughJsonAndRejectNonsense() {
        SqliteLedgerOptions options = new SqliteLedgerOptions().setFile("x.db").setBusyTimeoutMillis(100)
                .setReadConnections(3).setMaxWritesPerCommit(8).setMaxEventBytes(4096)
                .setSynchronous(SqliteLedgerOptions.Synchronous.NORMAL);

        assertThat(new SqliteLedgerOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
        assertThat(new SqliteLedgerOptions(new JsonObject()).getSynchronous())
                .isEqualTo(SqliteLedgerOptions.Synchronous.FULL);
        assertThatThrownBy(() -> new SqliteLedgerOptions().setReadConnections(0))
                .hasMessageContaining("readConnections");
        assertThatThrownBy(() -> new SqliteLedgerOptions().setFile(" "))
                .hasMessageContaining("file");
        assertThatThrownBy(
                        () -> new SqliteLedgerOptions(new JsonObject().put("synchronous", "OFF")))
                .hasMessageContaining("FULL or NORMAL");
    }
}
