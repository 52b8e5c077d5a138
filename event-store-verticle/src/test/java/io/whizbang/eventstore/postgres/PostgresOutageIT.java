package io.whizbang.eventstore.postgres;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.TransientException;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * PostgreSQL stopped in the middle of a run: appends fail with {@code UNAVAILABLE} (never {@code INTERNAL}) while it
 * is away and succeed once it is back on the same data, with nothing half-written and nothing written twice.
 * Runs on an embedded server of its own, since it stops it.
 */
@ExtendWith(VertxExtension.class)
class PostgresOutageIT {
    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 40;

    @TempDir
    Path dataDirectory;
    private EmbeddedPostgres server;
    private int port;

    @BeforeEach
    void startServer() {
        assumeFalse(PostgresServer.external(), "stops its server, so runs only on an embedded one");
        server = start(0);
        port = server.getPort();
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(value = 2, timeUnit = TimeUnit.MINUTES)
    void appendsFailAsUnavailableWhileTheServerIsAwayAndResumeWithoutPartialWrites(Vertx vertx,
                                                                                   VertxTestContext ctx) {
        PostgresLedgerOptions options = PostgresServer.options(PostgresServer.connectOptions(server))
                .setPoolSize(4).setMaxReconnectDelayMillis(200);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger succeeded = new AtomicInteger();
        Promise<Void> stopped = Promise.promise();
        PostgresLedger.connect(vertx, options).compose(ledger -> PostgresLedger.connect(vertx, options)
                        .compose(otherNode -> {
                            // given writers that retry every failed append with the same event ids, and that wait
                            // halfway for the server to be stopped (so that their appends surely meet the outage)
                            List<Future<Void>> writers = IntStream.range(0, WRITERS)
                                    .mapToObj(w -> writer(vertx, ledger, w, 0, stopped.future(), failures, succeeded))
                                    .toList();
                            // when the server stops once a third of the appends are in, and comes back 1 s later
                            return until(vertx, () -> succeeded.get() >= WRITERS * APPENDS_PER_WRITER / 3)
                                    .compose(v -> stop(vertx))
                                    .onSuccess(stopped::complete)
                                    .compose(v -> ledger.append("acme", StreamId.of("Probe", 1),
                                                    ExpectedVersion.any(), events(1))
                                            .transform(probe -> {
                                                ctx.verify(() -> assertUnavailable(probe.cause()));
                                                return ledger.readAll(0, 10);
                                            })
                                            .transform(read -> {
                                                ctx.verify(() -> assertUnavailable(read.cause()));
                                                return Future.succeededFuture();
                                            }))
                                    .compose(v -> sleep(vertx, 1000))
                                    .compose(v -> restart(vertx))
                                    .compose(v -> Future.all(writers))
                                    // then another node, listening again, hears of new events
                                    .compose(v -> heardOf(otherNode, ledger))
                                    .compose(v -> verifyStored(ctx, ledger, failures))
                                    .eventually(otherNode::close);
                        })
                        .eventually(ledger::close))
                .onComplete(ctx.succeedingThenComplete());
    }

    private Future<Void> verifyStored(VertxTestContext ctx, PostgresLedger ledger, List<Throwable> failures) {
        return ledger.readAll(0, 10_000).map(all -> {
            ctx.verify(() -> {
                assertThat(failures).as("appends failed while the server was away").isNotEmpty()
                        .allSatisfy(PostgresOutageIT::assertUnavailable);
                // every writer's stream holds exactly its appends, once each, positions dense from 1
                long expected = (long) WRITERS * APPENDS_PER_WRITER * 2 + 1;
                assertThat(all).hasSize((int) expected);
                for (int i = 0; i < all.size(); i++) {
                    assertThat(all.get(i).position()).isEqualTo(i + 1L);
                }
                for (int w = 0; w < WRITERS; w++) {
                    StreamId stream = StreamId.of("Writer", w);
                    assertThat(all.stream().filter(e -> e.stream().equals(stream)).map(RecordedEvent::version))
                            .containsExactlyElementsOf(IntStream.rangeClosed(1, APPENDS_PER_WRITER * 2)
                                    .mapToObj(Long::valueOf).toList());
                }
            });
            return null;
        });
    }

    /**
     * Appends two events at a time at the exact version, retrying a failure with the same ids until it succeeds; at
     * half its appends it waits for the server to be stopped.
     */
    private Future<Void> writer(Vertx vertx, PostgresLedger ledger, int writer, int done, Future<Void> stopped,
                                List<Throwable> failures, AtomicInteger succeeded) {
        if (done == APPENDS_PER_WRITER) {
            return Future.succeededFuture();
        }
        if (done == APPENDS_PER_WRITER / 2 && !stopped.isComplete()) {
            return stopped.compose(v -> writer(vertx, ledger, writer, done, stopped, failures, succeeded));
        }
        StreamAppend append = new StreamAppend("acme", StreamId.of("Writer", writer),
                ExpectedVersion.exactly(2L * done), events(2));
        return retry(vertx, ledger, append, failures).compose(result -> {
            succeeded.incrementAndGet();
            return writer(vertx, ledger, writer, done + 1, stopped, failures, succeeded);
        });
    }

    private Future<AppendResult> retry(Vertx vertx, PostgresLedger ledger, StreamAppend append,
                                       List<Throwable> failures) {
        return ledger.append(List.of(append)).recover(failure -> {
            failures.add(failure);
            return failure instanceof TransientException
                    ? sleep(vertx, 50).compose(v -> retry(vertx, ledger, append, failures))
                    : Future.failedFuture(failure);
        });
    }

    /** Completes once a second ledger's listeners are told of an append made through the first. */
    private static Future<Void> heardOf(PostgresLedger listener, PostgresLedger writer) {
        Promise<Void> heard = Promise.promise();
        Runnable stop = listener.onAppend(heard::tryComplete);
        return writer.append("acme", StreamId.of("Probe", 1), ExpectedVersion.any(), events(1))
                .compose(written -> heard.future())
                .onComplete(done -> stop.run());
    }

    private static void assertUnavailable(Throwable failure) {
        assertThat(failure).isInstanceOf(TransientException.class);
        assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    private Future<Void> stop(Vertx vertx) {
        return vertx.executeBlocking(() -> {
            server.close();
            server = null;
            return null;
        });
    }

    private Future<Void> restart(Vertx vertx) {
        return vertx.executeBlocking(() -> {
            server = start(port);
            return null;
        });
    }

    private EmbeddedPostgres start(int onPort) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false);
        return PostgresServer.startEmbedded(onPort == 0 ? builder : builder.setPort(onPort));
    }

    private static Future<Void> until(Vertx vertx, java.util.function.BooleanSupplier condition) {
        return condition.getAsBoolean() ? Future.succeededFuture()
                : sleep(vertx, 5).compose(v -> until(vertx, condition));
    }

    private static Future<Void> sleep(Vertx vertx, long millis) {
        Promise<Void> slept = Promise.promise();
        vertx.setTimer(millis, id -> slept.complete());
        return slept.future();
    }

    private static List<EventData> events(int count) {
        return IntStream.range(0, count).mapToObj(n -> new EventData(MessageIds.next(), "Happened", 1,
                new JsonObject().put("n", n), new JsonObject())).toList();
    }
}
