package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.whizbang.error.ErrorCode;
import io.whizbang.http.HttpProblem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI 3.0 document of the mobile gateway, written by hand and served at {@value #PATH}: every route, its
 * parameters, bodies and answers, and the problem+json error every failure answers with.
 */
final class OpenApiDocument {
    /** Where the document is served. */
    static final String PATH = "/openapi.json";
    /** The error responses of the components, by HTTP status. */
    static final Map<String, String> ERROR_RESPONSES = errorResponses();

    private OpenApiDocument() {
    }

    /** The document. */
    static JsonObject create() {
        return new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", "Whizbang mobile REST API").put("version", "1")
                        .put("description", "The sample application's orders and inventory for mobile clients: "
                                + "small payloads (fields=), ETags with If-None-Match, cursor pages, gzip, and "
                                + "application/problem+json errors. Every request may carry X-Correlation-Id; "
                                + "every response returns the correlation id it ran under. A known path with "
                                + "another method is a 405 problem with Allow; an unknown path a 404 problem."))
                .put("paths", OpenApiPaths.all())
                .put("components", new JsonObject()
                        .put("schemas", OpenApiSchemas.all())
                        .put("responses", problemResponses())
                        .put("parameters", new JsonObject().put("CorrelationId", OpenApi.parameter(
                                OpenApi.CORRELATION_HEADER, "header", false, OpenApi.string(1, 128,
                                        "Visible ASCII, such as a UUID"),
                                "The correlation id to run under; a new one when absent.")))
                        .put("headers", new JsonObject().put("CorrelationId", new JsonObject()
                                .put("description", "The correlation id the request ran under.")
                                .put("schema", new JsonObject().put("type", "string"))))
                        .put("securitySchemes", new JsonObject().put("bearer", new JsonObject()
                                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                                .put("description", "A JWT whose claims give sub, tenant and scopes."))));
    }

    /** Adds the route serving the document, encoded once. */
    static void mount(Router router) {
        String encoded = create().encode();
        router.get(PATH).handler(ctx -> Responses.json(ctx, 200, encoded));
    }

    private static JsonObject problemResponses() {
        JsonObject responses = new JsonObject();
        ERROR_RESPONSES.forEach((status, name) -> responses.put(name, OpenApi.response(describe(status),
                OpenApi.content(HttpProblem.CONTENT_TYPE, OpenApi.schemaRef("Problem")), new JsonObject())));
        return responses;
    }

    private static String describe(String status) {
        return switch (status) {
            case "400" -> "INVALID_ARGUMENT: malformed JSON, a wrong type or a broken rule; field names the field.";
            case "401" -> "UNAUTHENTICATED: no token, an expired one or a bad signature.";
            case "403" -> "PERMISSION_DENIED: the token lacks the operation's scope.";
            case "404" -> "NOT_FOUND: no such order, SKU or route in the caller's tenant.";
            case "405" -> "INVALID_ARGUMENT: the path exists but not with this method; see Allow.";
            case "409" -> "CONFLICT: the order's state forbids it, or a version conflict outlived its retries.";
            case "413" -> "INVALID_ARGUMENT: the body is larger than the gateway's limit.";
            case "415" -> "INVALID_ARGUMENT: the body is not application/json.";
            case "429" -> "RATE_LIMITED: a policy refused the request; retry later.";
            case "503" -> "UNAVAILABLE: a dependency is down; retry later.";
            case "504" -> "TIMEOUT: the deadline passed.";
            default -> ErrorCode.INTERNAL + ": a bug, logged under the correlation id; never a stack trace.";
        };
    }

    private static Map<String, String> errorResponses() {
        Map<String, String> responses = new LinkedHashMap<>();
        responses.put("400", "BadRequest");
        responses.put("401", "Unauthorized");
        responses.put("403", "Forbidden");
        responses.put("404", "NotFound");
        responses.put("405", "MethodNotAllowed");
        responses.put("409", "Conflict");
        responses.put("413", "ContentTooLarge");
        responses.put("415", "UnsupportedMediaType");
        responses.put("429", "TooManyRequests");
        responses.put("500", "Internal");
        responses.put("503", "Unavailable");
        responses.put("504", "Timeout");
        return Collections.unmodifiableMap(responses);
    }
}
