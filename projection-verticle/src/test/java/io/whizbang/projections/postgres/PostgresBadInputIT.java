package io.whizbang.projections.postgres;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a coded error and writes nothing; a server that is not there is UNAVAILABLE. */
@ExtendWith(VertxExtension.class)
class PostgresBadInputIT {
    private static final DocumentKey FIRST = new DocumentKey("acme", "orders", "1");
    private static final DocumentKey SECOND = new DocumentKey("acme", "orders", "2");

    @Test
    void aDocumentTheServerRefusesFailsTheWholeBatchAsInvalidArgument(Vertx vertx, VertxTestContext ctx) {
        PostgresProjectionStore.connect(vertx, PostgresServer.get().freshOptions())
                .compose(store -> store.commit(new ProjectionCommit("orders", List.of(
                                new DocumentChange(FIRST, new JsonObject().put("v", 1))), 5))
                        // a NUL character cannot be stored in JSONB
                        .compose(first -> store.commit(new ProjectionCommit("orders", List.of(
                                new DocumentChange(SECOND, new JsonObject().put("v", 2)),
                                new DocumentChange(FIRST, new JsonObject().put("note", "a\u0000b"))), 9)))
                        .recover(failure -> {
                            ctx.verify(() -> {
                                assertThat(((WhizbangException) failure).code()).isEqualTo(
                                        ErrorCode.INVALID_ARGUMENT);
                                assertThat(failure.getMessage()).contains("projection store");
                            });
                            return store.checkpoint("orders")
                                    .compose(position -> {
                                        ctx.verify(() -> assertThat(position).as("checkpoint").isEqualTo(5));
                                        return store.load(List.of(FIRST, SECOND));
                                    })
                                    .map(found -> {
                                        ctx.verify(() -> {
                                            assertThat(found).containsOnlyKeys(FIRST);
                                            assertThat(found.get(FIRST).json().getInteger("v")).isEqualTo(1);
                                        });
                                        return null;
                                    });
                        })
                        .eventually(store::close))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void fieldNamesThatAreNotPlainTopLevelNamesAreInvalidArgument(Vertx vertx, VertxTestContext ctx) {
        PostgresProjectionStore.connect(vertx, PostgresServer.get().freshOptions())
                .compose(store -> store.query("acme", "orders", DocumentQuery.all(5).where("x') OR 1=1 --", "a"))
                        .transform(filtered -> {
                            ctx.verify(() -> assertInvalid(filtered.cause(), "equals"));
                            return store.query("acme", "orders", DocumentQuery.all(5).orderBy("a.b"));
                        })
                        .transform(sorted -> {
                            ctx.verify(() -> assertInvalid(sorted.cause(), "orderBy"));
                            return store.query("acme", "orders", new DocumentQuery(Map.of(), "", false, 5, null));
                        })
                        .transform(empty -> {
                            ctx.verify(() -> assertInvalid(empty.cause(), "orderBy"));
                            return store.close();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    private static void assertInvalid(Throwable failure, String field) {
        assertThat(failure).isInstanceOf(WhizbangException.class);
        assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(failure.getMessage()).contains(field).contains("top-level field name");
    }

    @Test
    void aServerThatIsNotThereIsUnavailable(Vertx vertx, VertxTestContext ctx) throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        PostgresProjectionStore.connect(vertx, new PostgresProjectionStoreOptions().setHost("127.0.0.1")
                        .setPort(freePort).setPassword("secret"))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("127.0.0.1:" + freePort).doesNotContain("secret");
                    ctx.completeNow();
                })));
    }
}
