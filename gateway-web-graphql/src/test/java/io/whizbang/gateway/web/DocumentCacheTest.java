package io.whizbang.gateway.web;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document cache: documents parsed once, a bounded size, only good documents kept, and automatic persisted
 * queries by SHA-256 hash as Apollo clients send them — unit-tested, then over HTTP.
 */
class DocumentCacheTest extends GatewayTestSupport {
    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parses.incrementAndGet();
        Document document = Parser.parse(input.getQuery());
        return new PreparsedDocumentEntry(document);
    };

    @Test
    void aDocumentIsParsedOnceAndThenServedFromTheCache() throws Exception {
        DocumentCache cache = new DocumentCache(10);
        ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").build();

        PreparsedDocumentEntry first = cache.getDocumentAsync(input, parse).get();
        PreparsedDocumentEntry second = cache.getDocumentAsync(input, parse).get();

        assertThat(second).isSameAs(first);
        assertThat(parses).hasValue(1);
    }

    @Test
    void theCacheKeepsAtMostItsCapacityDroppingTheLeastRecentlyUsed() throws Exception {
        DocumentCache cache = new DocumentCache(2);
        ExecutionInput a = ExecutionInput.newExecutionInput("{ a: __typename }").build();
        cache.getDocumentAsync(a, parse).get();
        cache.getDocumentAsync(ExecutionInput.newExecutionInput("{ b: __typename }").build(), parse).get();
        cache.getDocumentAsync(a, parse).get();
        cache.getDocumentAsync(ExecutionInput.newExecutionInput("{ c: __typename }").build(), parse).get();
        cache.getDocumentAsync(a, parse).get();

        assertThat(cache.size()).isEqualTo(2);
        assertThat(parses).hasValue(3);
    }

    @Test
    void documentsWithErrorsAreNotKept() throws Exception {
        DocumentCache cache = new DocumentCache(10);
        Function<ExecutionInput, PreparsedDocumentEntry> refuse = input -> new PreparsedDocumentEntry(
                graphql.GraphqlErrorBuilder.newError().message("bad").build());

        cache.getDocumentAsync(ExecutionInput.newExecutionInput("{ nope").build(), refuse).get();

        assertThat(cache.size()).isZero();
    }

    @Test
    void anUnknownHashIsPersistedQueryNotFound(VertxTestContext ctx) {
        fixture.post(fixture.token(newTenant()), apq(null, sha256("{ __typename }")))
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    JsonObject body = response.bodyAsJsonObject();
                    assertThat(firstError(body).getString("message")).isEqualTo("PersistedQueryNotFound");
                    assertThat(codeOf(body)).isEqualTo("NOT_FOUND");
                    ctx.completeNow();
                })));
    }

    @Test
    void aQuerySentWithItsHashIsThenServedByTheHashAlone(VertxTestContext ctx) {
        String query = "{ registered: __typename }";
        String token = fixture.token(newTenant());
        fixture.post(token, apq(query, sha256(query)))
                .compose(registered -> {
                    ctx.verify(() -> assertThat(registered.bodyAsJsonObject().getJsonObject("data"))
                            .isEqualTo(new JsonObject().put("registered", "Query")));
                    return fixture.post(token, apq(null, sha256(query)));
                })
                .onComplete(ctx.succeeding(byHash -> ctx.verify(() -> {
                    assertThat(byHash.bodyAsJsonObject().getJsonObject("data"))
                            .isEqualTo(new JsonObject().put("registered", "Query"));
                    ctx.completeNow();
                })));
    }

    @Test
    void aHashThatDoesNotMatchItsQueryIsInvalid(VertxTestContext ctx) {
        fixture.post(fixture.token(newTenant()), apq("{ __typename }", sha256("{ other: __typename }")))
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(codeOf(response.bodyAsJsonObject())).isEqualTo("INVALID_ARGUMENT");
                    ctx.completeNow();
                })));
    }

    @Test
    void aMalformedPersistedQueryExtensionIsInvalid(VertxTestContext ctx) {
        fixture.post(fixture.token(newTenant()), new JsonObject().put("query", "{ __typename }")
                        .put("extensions", new JsonObject().put("persistedQuery", "yes please")))
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(codeOf(response.bodyAsJsonObject())).isEqualTo("INVALID_ARGUMENT");
                    ctx.completeNow();
                })));
    }

    @Test
    void theGatewayKeepsTheDocumentsItServed(VertxTestContext ctx) {
        String query = "{ kept" + parses.hashCode() + ": __typename }";
        int before = fixture.gateway().cachedDocuments();
        fixture.post(null, new JsonObject().put("query", query))
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(fixture.gateway().cachedDocuments()).isEqualTo(before + 1);
                    ctx.completeNow();
                })));
    }

    private static JsonObject apq(String query, String hash) {
        JsonObject request = new JsonObject().put("extensions", new JsonObject().put("persistedQuery",
                new JsonObject().put("version", 1).put("sha256Hash", hash)));
        return query == null ? request : request.put("query", query);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
