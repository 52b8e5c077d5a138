package io.whizbang.gateway.mobile;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Random and mutated requests for the fuzz test: valid requests of every route, then paths, query parameters,
 * headers and JSON bodies bent out of shape, all from one seeded {@link Random}.
 *
 * <p>Request lines stay valid HTTP (no raw spaces): a broken request line never reaches the gateway, Vert.x's HTTP
 * codec answers it with a bare 400 itself.
 */
final class FuzzInputs {
    /** One request to send. */
    record Input(HttpMethod method, String path, String contentType, String authorization, String ifNoneMatch,
                 String correlationId, String body) {
    }

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS, HttpMethod.HEAD);
    private static final List<String> TEMPLATES = List.of("/api/orders", "/api/orders/{id}",
            "/api/orders/{id}/confirm", "/api/orders/{id}/cancel", "/api/orders/{id}/ship", "/api/orders/{id}/events",
            "/api/customers/{id}/orders", "/api/inventory/{sku}/restock", "/api/inventory/{sku}", "/api/sales/daily",
            "/openapi.json", "/health", "/api", "/api/orders/{id}/{id}", "/nothing");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/x-www-form-urlencoded", "application/problem+json", "application/xml",
            "multipart/form-data; boundary=x", "application/json;;", "*/*", "");
    private static final List<String> ODD_TEXT = List.of("", "%20", "null", "0", "-1", "1e400", "NaN", "%00",
            "%2F..%2F", "%E2%82%AC", "%FF%FE", "..", "a".repeat(300), "SKU%20%22quoted%22", "9223372036854775808",
            "true", "0190a5d0-0000-7000-8000-0000000000a1", "{}", "[]", "%7B%22a%22%3A1%7D");

    private final Random random;
    private final String validToken;

    FuzzInputs(long seed, String validToken) {
        this.random = new Random(seed);
        this.validToken = validToken;
    }

    /** The next request. */
    Input next() {
        String template = pick(TEMPLATES);
        HttpMethod method = random.nextInt(4) == 0 ? pick(METHODS)
                : template.endsWith("restock") || template.endsWith("confirm") || template.endsWith("cancel")
                || template.endsWith("ship") || template.equals("/api/orders") ? HttpMethod.POST : HttpMethod.GET;
        String path = template.replace("{id}", pathValue()).replace("{sku}", pathValue()) + query();
        String contentType = random.nextInt(3) == 0 ? pick(CONTENT_TYPES) : "application/json";
        String authorization = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "Bearer " + mutate(validToken);
            case 2 -> pick(List.of("Bearer", "Basic abc", "Bearer a.b.c", "bearer " + validToken, ""));
            default -> "Bearer " + validToken;
        };
        String ifNoneMatch = random.nextInt(8) == 0 ? pick(List.of("*", "W/\"1\"", "\"2\"", "garbage", "W/")) : null;
        String correlation = random.nextInt(6) == 0 ? pick(ODD_TEXT).replace("%", "") : null;
        return new Input(method, path, contentType, authorization, ifNoneMatch, correlation, body(template));
    }

    private String pathValue() {
        return switch (random.nextInt(4)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> "SKU-" + random.nextInt(5);
            default -> pick(ODD_TEXT);
        };
    }

    private String query() {
        if (random.nextBoolean()) {
            return "";
        }
        String[] names = {"limit", "cursor", "fields", "from", "to", "x"};
        StringBuilder query = new StringBuilder("?");
        for (int i = random.nextInt(4); i >= 0; i--) {
            query.append(pick(List.of(names))).append('=').append(switch (random.nextInt(5)) {
                case 0 -> String.valueOf(random.nextInt(300) - 100);
                case 1 -> "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
                case 2 -> pick(List.of("orderId,status", "orderId,,status", "secret", "total", ""));
                default -> pick(ODD_TEXT);
            }).append('&');
        }
        return query.toString();
    }

    private String body(String template) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        JsonObject valid = template.endsWith("restock") ? new JsonObject().put("quantity", 1 + random.nextInt(5))
                : template.endsWith("cancel") ? new JsonObject().put("reason", "fuzz")
                : new JsonObject().put("customerId", UUID.randomUUID().toString()).put("lines", new JsonArray()
                        .add(new JsonObject().put("sku", "SKU-1").put("quantity", 1).put("unitPrice", 1.25)));
        return switch (random.nextInt(5)) {
            case 0 -> valid.encode();
            case 1 -> mutate(valid.encode());
            case 2 -> bend(valid).encode();
            case 3 -> nested(random.nextInt(3000));
            default -> randomText(random.nextInt(200));
        };
    }

    /** The JSON with one field removed, retyped or set to an extreme. */
    private JsonObject bend(JsonObject json) {
        JsonObject bent = json.copy();
        JsonObject target = bent.containsKey("lines") && random.nextBoolean()
                ? bent.getJsonArray("lines").getJsonObject(0) : bent;
        List<String> fields = List.copyOf(target.fieldNames());
        String field = random.nextInt(6) == 0 ? "extra" : pick(fields);
        Object value = switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "text";
            case 2 -> Long.MAX_VALUE;
            case 3 -> -1;
            case 4 -> 1.0E300;
            case 5 -> new JsonArray().add(1);
            case 6 -> new JsonObject().put("a", 1);
            case 7 -> true;
            case 8 -> "0.0000000001";
            case 9 -> "x".repeat(1000);
            case 10 -> new JsonArray();
            default -> 0;
        };
        if (random.nextInt(5) == 0) {
            target.remove(field);
        } else {
            target.put(field, value);
        }
        return bent;
    }

    private String mutate(String text) {
        StringBuilder mutated = new StringBuilder(text);
        for (int i = 1 + random.nextInt(3); i > 0 && !mutated.isEmpty(); i--) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, (char) (32 + random.nextInt(95)));
                default -> mutated.setLength(at);
            }
        }
        return mutated.toString();
    }

    private String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(5) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
        }
        return text.toString();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
