package io.whizbang.projections.sqlite;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.ValidationException;
import io.whizbang.error.WhizbangException;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What the SQLite projection store promises beyond the contract: its data outlives it, it takes no field name into
 * its SQL that is not a plain one, and it works off the event loop.
 */
@ExtendWith(VertxExtension.class)
class SqliteProjectionStoreTest {
    private static final DocumentKey ORDER = new DocumentKey("acme", "orders", "1");

    @TempDir
    Path directory;

    private SqliteProjectionStoreOptions options() {
        return new SqliteProjectionStoreOptions()
                .setFile(directory.resolve("data").resolve("whizbang-projections.db").toString());
    }

    @Test
    void documentsAndCheckpointsSurviveClosingAndReopeningTheFile(Vertx vertx, VertxTestContext ctx) {
        // given a file with a document and a checkpoint
        SqliteProjectionStore.open(vertx, options())
                .compose(store -> store.commit(new ProjectionCommit("orders",
                                List.of(new DocumentChange(ORDER, new JsonObject().put("status", "CONFIRMED"))), 42))
                        .eventually(store::close))
                // when it is opened again
                .compose(closed -> SqliteProjectionStore.open(vertx, options()))
                .compose(reopened -> reopened.checkpoint("orders")
                        .compose(position -> reopened.load(List.of(ORDER)).map(found -> {
                            // then both are as they were
                            ctx.verify(() -> {
                                assertThat(position).isEqualTo(42);
                                assertThat(found.get(ORDER).json())
                                        .isEqualTo(new JsonObject().put("status", "CONFIRMED"));
                            });
                            return null;
                        }))
                        .eventually(reopened::close))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aFieldNameThatIsNotAPlainTopLevelNameIsRejected(Vertx vertx, VertxTestContext ctx) {
        String malicious = "customerId') = 1 OR 1 = 1; DROP TABLE documents; --";
        SqliteProjectionStore.open(vertx, options()).compose(store -> store.commit(new ProjectionCommit("orders",
                        List.of(new DocumentChange(ORDER, new JsonObject().put("customerId", "c1"))), 1))
                .compose(done -> store.query("acme", "orders", DocumentQuery.all(10).where(malicious, "x"))
                        .transform(filtered -> {
                            ctx.verify(() -> assertInvalid(filtered.cause(), "equals"));
                            return store.query("acme", "orders", DocumentQuery.all(10).orderBy("customer.id"));
                        })
                        .transform(ordered -> {
                            ctx.verify(() -> assertInvalid(ordered.cause(), "orderBy"));
                            return store.load(List.of(ORDER));
                        }))
                .map(found -> {
                    ctx.verify(() -> assertThat(found).containsOnlyKeys(ORDER));
                    return null;
                })
                .eventually(store::close))
                .onComplete(ctx.succeedingThenComplete());
    }

    private static void assertInvalid(Throwable failure, String parameter) {
        assertThat(failure).isInstanceOf(ValidationException.class);
        assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(((ValidationException) failure).field()).isEqualTo(parameter);
    }

    @Test
    void theCheckpointIsSetToTheCommittedPositionEvenWhenLower(Vertx vertx, VertxTestContext ctx) {
        SqliteProjectionStore.open(vertx, options()).compose(store -> store
                        .commit(new ProjectionCommit("orders", List.of(), 10))
                        .compose(done -> store.commit(new ProjectionCommit("orders", List.of(), 4)))
                        .compose(done -> store.checkpoint("orders"))
                        .map(position -> {
                            ctx.verify(() -> assertThat(position).isEqualTo(4));
                            return null;
                        })
                        .eventually(store::close))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void futuresCompleteOnTheCallersContext(Vertx vertx, VertxTestContext ctx) {
        Context caller = vertx.getOrCreateContext();
        caller.runOnContext(start -> SqliteProjectionStore.open(vertx, options()).compose(store -> store
                        .commit(new ProjectionCommit("orders", List.of(), 1))
                        .compose(done -> {
                            ctx.verify(() -> assertThat(Vertx.currentContext()).isSameAs(caller));
                            return store.query("acme", "orders", DocumentQuery.all(1));
                        })
                        .map(page -> {
                            ctx.verify(() -> {
                                assertThat(Vertx.currentContext()).isSameAs(caller);
                                assertThat(Context.isOnEventLoopThread()).isTrue();
                            });
                            return null;
                        })
                        .eventually(store::close))
                .onComplete(ctx.succeedingThenComplete()));
    }

    @Test
    void aClosedStoreIsUnavailable(Vertx vertx, VertxTestContext ctx) {
        SqliteProjectionStore.open(vertx, options())
                .compose(store -> store.close().compose(closed -> store.commit(new ProjectionCommit("orders",
                        List.of(), 1))))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("whizbang-projections.db", "closed");
                    ctx.completeNow();
                })));
    }

    @Test
    void aFileOfANewerSchemaIsRefusedAndSaysWhy(Vertx vertx, VertxTestContext ctx) throws Exception {
        SqliteProjectionStore.open(vertx, options()).compose(SqliteProjectionStore::close)
                .compose(closed -> vertx.executeBlocking(() -> {
                    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + options().getFile());
                         Statement statement = db.createStatement()) {
                        statement.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', 0)");
                    }
                    return null;
                }))
                .compose(written -> SqliteProjectionStore.open(vertx, options()))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(failure.getMessage()).contains("schema version 99", "newer Whizbang");
                    ctx.completeNow();
                })));
    }

    @Test
    void optionsRoundTripThroughJsonAndRejectBadValues() {
        SqliteProjectionStoreOptions options = new SqliteProjectionStoreOptions().setFile("x.db")
                .setBusyTimeoutMillis(250);

        assertThat(new SqliteProjectionStoreOptions(options.toJson()).toJson()).isEqualTo(options.toJson());
        assertThat(new SqliteProjectionStoreOptions(new JsonObject()).toJson()).isEqualTo(new JsonObject()
                .put("file", SqliteProjectionStoreOptions.DEFAULT_FILE)
                .put("busyTimeoutMillis", SqliteProjectionStoreOptions.DEFAULT_BUSY_TIMEOUT_MILLIS));
        assertThatIllegalArgumentException().isThrownBy(() -> options.setFile(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> options.setBusyTimeoutMillis(-1));
    }

    @Test
    void loadOfNoKeysFindsNothing(Vertx vertx, VertxTestContext ctx) {
        SqliteProjectionStore.open(vertx, options()).compose(store -> store.load(List.of())
                        .map(found -> {
                            ctx.verify(() -> assertThat(found).isEqualTo(Map.<DocumentKey, Document>of()));
                            return null;
                        })
                        .eventually(store::close))
                .onComplete(ctx.succeedingThenComplete());
    }
}
