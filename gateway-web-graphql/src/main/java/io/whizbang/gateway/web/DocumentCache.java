package io.whizbang.gateway.web;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.whizbang.error.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A bounded cache of parsed and validated GraphQL documents, with automatic persisted queries by SHA-256 hash (the
 * Apollo APQ convention: {@code extensions.persistedQuery = {version: 1, sha256Hash}}).
 *
 * <p>Documents are kept by their text and, once a client registered one, by its hash; the least recently used
 * entry goes first when the cache is full. Only documents that parsed and validated are kept, so random input cannot
 * push the good ones out. A hash the cache does not know is a {@code NOT_FOUND} error whose message is
 * {@code PersistedQueryNotFound}, which Apollo clients answer by sending the document with its hash.
 */
final class DocumentCache implements PreparsedDocumentProvider {
    /** The longest document text kept; longer ones are parsed every time. */
    static final int MAX_CACHED_QUERY_CHARS = 16 * 1024;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String HASH_KEY = "sha256:";

    private final int capacity;
    private final Map<String, PreparsedDocumentEntry> entries;

    DocumentCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > DocumentCache.this.capacity;
            }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Object persisted = input.getExtensions() == null ? null : input.getExtensions().get("persistedQuery");
        if (persisted == null) {
            return CompletableFuture.completedFuture(byText(input, parseAndValidate));
        }
        return CompletableFuture.completedFuture(byHash(persisted, input, parseAndValidate));
    }

    /** How many documents are kept now. */
    synchronized int size() {
        return entries.size();
    }

    private PreparsedDocumentEntry byText(ExecutionInput input,
                                          Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry known = get(query);
        if (known != null) {
            return known;
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        keep(query, entry);
        return entry;
    }

    private PreparsedDocumentEntry byHash(Object persisted, ExecutionInput input,
                                          Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String hash = hashOf(persisted);
        if (hash == null) {
            return error(ErrorCode.INVALID_ARGUMENT, "extensions.persistedQuery must be {\"version\": 1, "
                    + "\"sha256Hash\": \"<64 hex digits>\"}");
        }
        PreparsedDocumentEntry known = get(HASH_KEY + hash);
        if (known != null) {
            return known;
        }
        String query = input.getQuery();
        if (query == null || query.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query)) {
            return error(ErrorCode.NOT_FOUND, "PersistedQueryNotFound");
        }
        if (!sha256(query).equals(hash)) {
            return error(ErrorCode.INVALID_ARGUMENT, "provided sha does not match query");
        }
        PreparsedDocumentEntry entry = byText(input, parseAndValidate);
        if (query.length() <= MAX_CACHED_QUERY_CHARS && !entry.hasErrors()) {
            put(HASH_KEY + hash, entry);
        }
        return entry;
    }

    private void keep(String query, PreparsedDocumentEntry entry) {
        if (query != null && query.length() <= MAX_CACHED_QUERY_CHARS && !entry.hasErrors()) {
            put(query, entry);
        }
    }

    private synchronized PreparsedDocumentEntry get(String key) {
        return key == null ? null : entries.get(key);
    }

    private synchronized void put(String key, PreparsedDocumentEntry entry) {
        if (capacity > 0) {
            entries.put(key, entry);
        }
    }

    private static String hashOf(Object persisted) {
        if (persisted instanceof Map<?, ?> map && Integer.valueOf(1).equals(asInteger(map.get("version")))
                && map.get("sha256Hash") instanceof String hash && SHA256_HEX.matcher(hash).matches()) {
            return hash.toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    private static Integer asInteger(Object value) {
        return value instanceof Number number && number.doubleValue() == number.intValue() ? number.intValue()
                : null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java SE runtime must provide SHA-256
            throw new IllegalStateException("this JVM cannot compute SHA-256", e);
        }
    }

    private static PreparsedDocumentEntry error(ErrorCode code, String message) {
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message(message)
                .errorType(ErrorType.ValidationError).extensions(Map.of(GraphQLErrors.CODE, code.name())).build());
    }
}
