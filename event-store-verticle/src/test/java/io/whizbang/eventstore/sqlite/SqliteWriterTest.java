package io.whizbang.eventstore.sqlite;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.WhizbangException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit: writes queued together share a transaction, but each keeps its own outcome. */
@ExtendWith(VertxExtension.class)
class SqliteWriterTest {
    @TempDir
    Path directory;

    private SqliteConnection db;
    private SqliteWriter writer;
    private final AtomicInteger signals = new AtomicInteger();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        db = SqliteConnection.open(directory.resolve("w.db"), new SqliteLedgerOptions(), false);
        db.execOnce("CREATE TABLE rows (n INTEGER PRIMARY KEY)");
        writer = new SqliteWriter(vertx, db, "test store", 64, signals::incrementAndGet);
    }

    @AfterEach
    void stop(VertxTestContext ctx) {
        gate.countDown();
        writer.close().onComplete(ctx.succeedingThenComplete());
    }

    /** Holds the writer thread until the gate opens, so that everything queued meanwhile forms one group. */
    private Future<Object> holdTheWriter() throws InterruptedException {
        Future<Object> held = writer.submit(connection -> {
            holding.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, false);
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private Future<Integer> insert(int n) {
        return writer.submit(connection -> {
            PreparedStatement insert = connection.prepare("INSERT INTO rows (n) VALUES (?)");
            insert.setInt(1, n);
            insert.executeUpdate();
            return n;
        }, true);
    }

    private Future<Long> count() {
        return writer.submit(connection -> connection.queryLong("SELECT count(*) FROM rows", 0), false);
    }

    @Test
    void aRefusedWriteIsRolledBackAloneAndTheGroupCommitsOnce(VertxTestContext ctx) throws Exception {
        long before = writer.commits();
        List<Future<?>> writes = new ArrayList<>();
        writes.add(holdTheWriter());
        writes.add(insert(1));
        writes.add(writer.submit(connection -> {
            connection.execOnce("INSERT INTO rows (n) VALUES (2)");
            throw PermanentException.conflict("refused after writing");
        }, true));
        writes.add(insert(3));
        gate.countDown();
        Future.join(writes).otherwiseEmpty()
                .compose(settled -> count())
                .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
                    assertThat(writes.get(1).succeeded()).isTrue();
                    assertThat(writes.get(2).cause()).hasMessage("refused after writing");
                    assertThat(writes.get(3).succeeded()).isTrue();
                    assertThat(rows).as("rows 1 and 3, not the refused 2").isEqualTo(2);
                    assertThat(writer.commits() - before).as("the held write, the group of three, the count")
                            .isEqualTo(3);
                    assertThat(signals.get()).isEqualTo(1);
                    ctx.completeNow();
                })));
    }

    @Test
    void aFailingStatementRunsTheGroupAgainOneWriteAtATime(VertxTestContext ctx) throws Exception {
        List<Future<?>> writes = new ArrayList<>();
        writes.add(holdTheWriter());
        writes.add(insert(1));
        writes.add(writer.submit(connection -> {
            connection.execOnce("INSERT INTO no_such_table VALUES (1)");
            return null;
        }, true));
        writes.add(insert(3));
        gate.countDown();
        Future.join(writes).otherwiseEmpty()
                .compose(settled -> count())
                .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
                    assertThat(writes.get(1).succeeded()).isTrue();
                    assertThat(((WhizbangException) writes.get(2).cause()).code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(writes.get(2).cause()).hasMessageContaining("no_such_table");
                    assertThat(writes.get(3).succeeded()).isTrue();
                    assertThat(rows).isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    @Test
    void closingLetsQueuedWritesCommitFirst(VertxTestContext ctx) throws Exception {
        holdTheWriter();
        Future<Integer> queued = insert(1);
        Future<Void> closed = writer.close();
        Future<Integer> late = insert(2);
        gate.countDown();
        closed.onComplete(ctx.succeeding(done -> ctx.verify(() -> {
            assertThat(queued.succeeded()).isTrue();
            assertThat(((WhizbangException) late.cause()).code()).isEqualTo(ErrorCode.UNAVAILABLE);
            ctx.completeNow();
        })));
    }
}
