package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few thousand random and mutated requests to {@code POST /graphql} (seeded, so a failure can be replayed): none
 * may answer 500 or an {@code INTERNAL} error, and every answer is a coded GraphQL response.
 */
class FuzzTest extends GatewayTestSupport {
    private static final long SEED = 20261123L;
    private static final int REQUESTS = 2000;
    private static final int IN_FLIGHT = 16;
    private static final String NOISE = "{}[]\":,!$@#0x1e9-.\\ ";

    private static final List<String> SEEDS = List.of(
            new JsonObject().put("query", ORDER).put("variables", new JsonObject()
                    .put("id", "0190a5a4-7b9e-7c3d-9f00-1a2b3c4d5e6f")).encode(),
            new JsonObject().put("query", PLACE_ORDER).put("variables", new JsonObject().put("input",
                    orderInput(UUID.fromString("0190a5a4-7b9e-7c3d-9f00-1a2b3c4d5e6f"), "FUZZ-1", 1, "1.50")))
                    .encode(),
            new JsonObject().put("query", RESTOCK).put("variables", new JsonObject().put("sku", "FUZZ-1")
                    .put("quantity", 5)).encode(),
            new JsonObject().put("query", """
                    query($c: ID!, $f: Int, $a: String) { customerOrders(customerId: $c, first: $f, after: $a) {
                      edges { cursor node { id status total placedAt } } pageInfo { hasNextPage endCursor } } }""")
                    .put("variables", new JsonObject().put("c", "0190a5a4-7b9e-7c3d-9f00-1a2b3c4d5e6f")
                            .put("f", 3).put("a", "eyJzIjoxfQ")).encode(),
            new JsonObject().put("query", "query($f: Date!, $t: Date!) { dailySales(from: $f, to: $t) { date "
                    + "orders revenue } }").put("variables", new JsonObject().put("f", "2026-01-01")
                    .put("t", "2026-01-31")).encode(),
            new JsonObject().put("query", "query($c: ID!) { dashboard(customerId: $c, recentOrders: 3) { customerId "
                    + "recentOrders { id status } statusCounts { status count } todaySales { revenue } } }")
                    .put("variables", new JsonObject().put("c", "0190a5a4-7b9e-7c3d-9f00-1a2b3c4d5e6f")).encode(),
            new JsonObject().put("query", "mutation { cancelOrder(orderId: \"0190a5a4-7b9e-7c3d-9f00-1a2b3c4d5e6f\","
                    + " reason: \"fuzz\") { orderId version } }").encode(),
            new JsonObject().put("query", "{ inventory(sku: \"FUZZ-1\") { sku onHand reserved available } }").encode(),
            new JsonObject().put("query", "subscription { tenantEvents { type } }").encode(),
            new JsonObject().put("query", "{ __schema { types { name fields { name } } } }").encode(),
            new JsonObject().put("extensions", new JsonObject().put("persistedQuery", new JsonObject()
                    .put("version", 1).put("sha256Hash", "0".repeat(64)))).encode());

    private final Random random = new Random(SEED);

    @Test
    void noRandomOrMutatedRequestGetsAnInternalError(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        List<Buffer> bodies = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            bodies.add(nextBody());
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> internal = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        List<Future<Void>> workers = new ArrayList<>();
        for (int w = 0; w < IN_FLIGHT; w++) {
            workers.add(worker(token, bodies, next, statuses, internal));
        }
        Future.all(workers).onComplete(ctx.succeeding(done -> ctx.verify(() -> {
            assertThat(internal).as("requests answered 500/INTERNAL").isEmpty();
            assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
            assertThat(statuses.keySet()).isSubsetOf(200, 400, 405, 413, 415);
            ctx.completeNow();
        })));
    }

    private Future<Void> worker(String token, List<Buffer> bodies, AtomicInteger next, Map<Integer, Integer> statuses,
                                List<String> internal) {
        int index = next.getAndIncrement();
        if (index >= bodies.size()) {
            return Future.succeededFuture();
        }
        Buffer body = bodies.get(index);
        return send(token, body).compose(response -> {
            synchronized (statuses) {
                statuses.merge(response.statusCode(), 1, Integer::sum);
                String text = response.bodyAsString();
                if (response.statusCode() >= 500 || text == null || text.contains("\"INTERNAL\"")
                        || !isCoded(text)) {
                    internal.add(response.statusCode() + " " + text + " <- " + body);
                }
            }
            return worker(token, bodies, next, statuses, internal);
        });
    }

    private Future<HttpResponse<Buffer>> send(String token, Buffer body) {
        Promise<HttpResponse<Buffer>> promise = Promise.promise();
        fixture.client().post(fixture.port(), "127.0.0.1", GatewayRouter.GRAPHQL_PATH)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", random.nextInt(20) == 0 ? "application/graphql" : "application/json")
                .sendBuffer(body).onComplete(promise);
        return promise.future();
    }

    private static boolean isCoded(String text) {
        try {
            JsonObject json = new JsonObject(text);
            JsonArray errors = json.getJsonArray("errors");
            if (errors == null) {
                return json.containsKey("data");
            }
            for (Object error : errors) {
                if (!(((JsonObject) error).getJsonObject("extensions").getValue("code") instanceof String)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException notCoded) {
            return false;
        }
    }

    private Buffer nextBody() {
        return switch (random.nextInt(5)) {
            case 0 -> Buffer.buffer(randomBytes());
            case 1 -> Buffer.buffer(String.valueOf(randomJson(3)));
            case 2 -> Buffer.buffer(withRandomVariables());
            default -> Buffer.buffer(mutate(SEEDS.get(random.nextInt(SEEDS.size()))));
        };
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return bytes;
    }

    private String withRandomVariables() {
        JsonObject request = new JsonObject(SEEDS.get(random.nextInt(SEEDS.size())));
        JsonObject variables = new JsonObject();
        for (String name : List.of("id", "input", "sku", "quantity", "c", "f", "a", "t")) {
            if (random.nextBoolean()) {
                variables.put(name, randomJson(2));
            }
        }
        return request.put("variables", variables).encode();
    }

    private String mutate(String seed) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 2 -> text.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> {
                    int end = Math.min(text.length(), at + random.nextInt(30));
                    text.insert(at, text.substring(at, end));
                }
            }
        }
        return text.toString();
    }

    private Object randomJson(int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 5 -> new String(randomBytes(), StandardCharsets.ISO_8859_1);
            case 6 -> List.of("", "1.005", "2026-02-30", "-1", "1e999999999", UUID.randomUUID().toString(),
                    "ORDER_PLACED", "eyJzIjo5OTl9").get(random.nextInt(8));
            case 7 -> {
                JsonArray array = new JsonArray();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth - 1));
                }
                yield array;
            }
            default -> {
                JsonObject object = new JsonObject();
                for (String key : List.of("customerId", "lines", "sku", "quantity", "unitPrice", "query")) {
                    if (random.nextBoolean()) {
                        object.put(key, randomJson(depth - 1));
                    }
                }
                yield object;
            }
        };
    }
}
