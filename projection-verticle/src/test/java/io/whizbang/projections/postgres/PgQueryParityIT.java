package io.whizbang.projections.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries of the PostgreSQL store filter, sort and page exactly like the memory store, the reference of the contract:
 * numbers compare as numbers and everything else as text, missing values sort first, and the cursors are the same
 * text.
 */
@ExtendWith(VertxExtension.class)
class PgQueryParityIT {
    /** Numbers (whole and not), numeric text, booleans, "true" as text, explicit nulls and missing fields. */
    private static final List<JsonObject> DOCUMENTS = List.of(
            new JsonObject().put("n", 1).put("s", "a").put("b", true),
            new JsonObject().put("n", 5).put("s", "5").put("b", false),
            new JsonObject().put("n", 5.0).put("s", "b"),
            new JsonObject().put("n", 10).putNull("s"),
            new JsonObject().put("s", "10").put("b", "true"),
            new JsonObject().put("n", 2.5).put("s", "a"),
            new JsonObject().put("n", -3).put("s", "A").put("b", true),
            new JsonObject().put("n", 5).put("s", "a"),
            new JsonObject().put("n", 1000000000000L).put("b", false));

    private static final List<DocumentQuery> QUERIES = List.of(
            DocumentQuery.all(3),
            new DocumentQuery(Map.of(), null, true, 3, null),
            DocumentQuery.all(3).orderBy("n"),
            DocumentQuery.all(3).orderByDescending("n"),
            DocumentQuery.all(3).orderBy("s"),
            DocumentQuery.all(2).orderByDescending("s"),
            DocumentQuery.all(4).orderBy("b"),
            DocumentQuery.all(1).orderByDescending("b"),
            DocumentQuery.all(2).orderBy("missing"),
            DocumentQuery.all(10).where("n", 5),
            DocumentQuery.all(10).where("n", 5.0),
            DocumentQuery.all(10).where("n", "5"),
            DocumentQuery.all(10).where("n", 1000000000000L),
            DocumentQuery.all(10).where("s", 5),
            DocumentQuery.all(10).where("s", "a"),
            DocumentQuery.all(10).where("b", true),
            DocumentQuery.all(10).where("b", "false"),
            DocumentQuery.all(10).where("s", "a").where("n", 5),
            DocumentQuery.all(1).where("s", "a").orderByDescending("n"),
            DocumentQuery.all(2).where("b", true).orderBy("s"));

    @Test
    void everyQueryAnswersPageByPageLikeTheMemoryStore(Vertx vertx, VertxTestContext ctx) {
        List<DocumentChange> changes = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS.size(); i++) {
            changes.add(new DocumentChange(new DocumentKey("acme", "things", "k" + i), DOCUMENTS.get(i)));
        }
        changes.add(new DocumentChange(new DocumentKey("globex", "things", "k0"), DOCUMENTS.get(0)));
        ProjectionCommit commit = new ProjectionCommit("things", changes, 1);
        ProjectionStore memory = ProjectionStore.memory();
        PostgresProjectionStore.connect(vertx, PostgresServer.get().freshOptions().addIndex("things", "n")
                        .addIndex("things", "s"))
                .compose(postgres -> Future.all(memory.commit(commit), postgres.commit(commit))
                        .compose(committed -> compareAll(memory, postgres, 0))
                        .eventually(postgres::close))
                .onComplete(ctx.succeedingThenComplete());
    }

    private Future<Void> compareAll(ProjectionStore memory, ProjectionStore postgres, int index) {
        if (index == QUERIES.size()) {
            return Future.succeededFuture();
        }
        DocumentQuery query = QUERIES.get(index);
        List<Page<Document>> expected = new ArrayList<>();
        List<Page<Document>> actual = new ArrayList<>();
        return readAll(memory, query, expected).compose(done -> readAll(postgres, query, actual)).map(done -> {
            assertThat(actual).as("pages of %s", query).hasSameSizeAs(expected);
            for (int page = 0; page < expected.size(); page++) {
                assertThat(actual.get(page).items()).extracting(Document::key).as("page %d of %s", page, query)
                        .containsExactlyElementsOf(expected.get(page).items().stream().map(Document::key).toList());
                assertThat(actual.get(page).nextCursor()).as("cursor of page %d of %s", page, query)
                        .isEqualTo(expected.get(page).nextCursor());
            }
            return null;
        }).compose(done -> compareAll(memory, postgres, index + 1));
    }

    private static Future<Void> readAll(ProjectionStore store, DocumentQuery query, List<Page<Document>> into) {
        return store.query("acme", "things", query).compose(page -> {
            into.add(page);
            return page.nextCursor() == null ? Future.succeededFuture()
                    : readAll(store, query.after(page.nextCursor()), into);
        });
    }
}
