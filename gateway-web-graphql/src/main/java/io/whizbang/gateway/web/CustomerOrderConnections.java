package io.whizbang.gateway.web;

import graphql.schema.DataFetcher;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ValidationException;
import io.whizbang.examples.orders.customer.ListCustomerOrders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.whizbang.gateway.web.Fetchers.async;
import static io.whizbang.gateway.web.Fetchers.caller;

/**
 * {@code customerOrders(customerId, first, after)}: a customer's orders, newest first, as a Relay connection over
 * the {@code ListCustomerOrders} lens.
 *
 * <p>The lens gives a cursor per page, Relay wants one per edge. An edge's cursor therefore names the lens page it
 * was read from and how many orders of that page to skip to read on after it ({@code {"c": pageCursor, "s": n}},
 * base64url), so that any edge can be passed as {@code after}. One order more than asked is read to know whether
 * there is a next page; pages of the lens are walked when the window crosses one.
 */
final class CustomerOrderConnections {
    /** The most edges one page may hold, the lens's own largest page. */
    static final int MAX_FIRST = ListCustomerOrders.MAX_LIMIT;
    private static final int MAX_LENS_PAGES = 10;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final BackendCalls backend;

    CustomerOrderConnections(BackendCalls backend) {
        this.backend = backend;
    }

    /** The data fetcher of the connection. */
    DataFetcher<CompletableFuture<Object>> fetcher() {
        return env -> {
            UUID customerId = Arguments.uuid(env, "customerId");
            int first = Arguments.intIn(env, "first", 1, MAX_FIRST);
            Position after = Position.decode(Arguments.text(env, "after"));
            Window window = new Window(caller(env), customerId, first);
            return async(window.read(after.pageCursor(), after.skip(), 0).map(Window::connection));
        };
    }

    /** Where reading resumes: a lens page (empty for the first) and how many of its orders to skip. */
    private record Position(Optional<String> pageCursor, int skip) {
        static Position decode(String cursor) {
            if (cursor == null) {
                return new Position(Optional.empty(), 0);
            }
            try {
                JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(cursor),
                        StandardCharsets.UTF_8));
                Object page = json.getValue("c");
                Object skip = json.getValue("s");
                if ((page == null || page instanceof String) && skip instanceof Integer count && count >= 0
                        && count <= MAX_FIRST * 2) {
                    return new Position(Optional.ofNullable((String) page), count);
                }
            } catch (IllegalArgumentException | DecodeException | ClassCastException notOurs) {
                // refused below
            }
            throw new ValidationException("after", "is not a cursor of this connection; pass an edge's cursor "
                    + "or pageInfo.endCursor");
        }

        String encode() {
            JsonObject json = new JsonObject().put("s", skip);
            pageCursor.ifPresent(page -> json.put("c", page));
            return ENCODER.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One page of the connection being filled from lens pages. */
    private final class Window {
        private final Caller caller;
        private final UUID customerId;
        private final int first;
        private final List<Map<String, Object>> edges = new ArrayList<>();
        private boolean hasNextPage;

        Window(Caller caller, UUID customerId, int first) {
            this.caller = caller;
            this.customerId = customerId;
            this.first = first;
        }

        Future<Window> read(Optional<String> pageCursor, int skip, int pagesRead) {
            int limit = Math.min(ListCustomerOrders.MAX_LIMIT, skip + (first - edges.size()) + 1);
            return backend.ask(caller, new ListCustomerOrders(customerId, limit, pageCursor)).compose(page -> {
                JsonArray items = page.getJsonArray("items", new JsonArray());
                for (int i = skip; i < items.size(); i++) {
                    if (edges.size() == first) {
                        hasNextPage = true;
                        return Future.succeededFuture(this);
                    }
                    Map<String, Object> edge = new LinkedHashMap<>();
                    edge.put("cursor", new Position(pageCursor, i + 1).encode());
                    edge.put("node", items.getValue(i));
                    edges.add(edge);
                }
                Object next = page.getValue("nextCursor");
                if (!(next instanceof String nextCursor) || pagesRead + 1 >= MAX_LENS_PAGES) {
                    return Future.succeededFuture(this);
                }
                return read(Optional.of(nextCursor), Math.max(0, skip - items.size()), pagesRead + 1);
            });
        }

        Map<String, Object> connection() {
            Map<String, Object> pageInfo = new LinkedHashMap<>();
            pageInfo.put("hasNextPage", hasNextPage);
            pageInfo.put("hasPreviousPage", false);
            pageInfo.put("startCursor", edges.isEmpty() ? null : edges.get(0).get("cursor"));
            pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("edges", edges);
            connection.put("pageInfo", pageInfo);
            return connection;
        }
    }
}
