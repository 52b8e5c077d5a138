package io.whizbang.impl.projection;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentChange;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.DroppableCollections;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projection.spi.PageCursor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection store in memory: the reference behaviour of the store contract.
 */
public final class MemoryProjectionStore implements ProjectionStore, DroppableCollections {
    private final Map<DocumentKey, JsonObject> documents = new HashMap<>();
    private final Map<String, Long> checkpoints = new HashMap<>();

    @Override
    public synchronized Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys) {
        Map<DocumentKey, Document> found = new HashMap<>();
        for (DocumentKey key : keys) {
            JsonObject json = documents.get(key);
            if (json != null) {
                found.put(key, new Document(key.key(), json.copy()));
            }
        }
        return Future.succeededFuture(found);
    }

    @Override
    public Future<Page<Document>> query(String tenant, String collection, DocumentQuery query) {
        try {
            PageCursor after = query.after() == null ? null : PageCursor.decode(query.after());
            List<Document> matching = new ArrayList<>();
            synchronized (this) {
                documents.forEach((key, json) -> {
                    if (key.tenant().equals(tenant) && key.collection().equals(collection)) {
                        Document document = new Document(key.key(), json);
                        if (DocumentOrder.matches(document, query)) {
                            matching.add(new Document(key.key(), json.copy()));
                        }
                    }
                });
            }
            Comparator<Document> order = DocumentOrder.comparator(query);
            matching.sort(order);
            List<Document> page = new ArrayList<>();
            for (Document document : matching) {
                if (after != null && order.compare(document, new Document(after.key(),
                        cursorDocument(query, after))) <= 0) {
                    continue;
                }
                page.add(document);
                if (page.size() > query.limit()) {
                    break;
                }
            }
            String next = null;
            if (page.size() > query.limit()) {
                page.remove(page.size() - 1);
                Document last = page.get(page.size() - 1);
                next = new PageCursor(DocumentOrder.sortValue(last, query), last.key()).encode();
            }
            return Future.succeededFuture(new Page<>(page, next));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private static JsonObject cursorDocument(DocumentQuery query, PageCursor cursor) {
        return query.orderBy() == null ? new JsonObject() : new JsonObject().put(query.orderBy(), cursor.sortValue());
    }

    @Override
    public synchronized Future<Void> commit(ProjectionCommit commit) {
        for (DocumentChange change : commit.changes()) {
            if (change.isDelete()) {
                documents.remove(change.key());
            } else {
                documents.put(change.key(), change.document().copy());
            }
        }
        checkpoints.put(commit.projection(), commit.position());
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Long> checkpoint(String projection) {
        return Future.succeededFuture(checkpoints.getOrDefault(projection, 0L));
    }

    @Override
    public synchronized Future<Void> dropCollection(String collection) {
        documents.keySet().removeIf(key -> key.collection().equals(collection));
        checkpoints.remove(collection);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
