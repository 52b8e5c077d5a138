package io.whizbang.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A specification of documents to find: field equalities, one sort field, a page size and the cursor of the
 * previous page.
 *
 * @param equals     top-level fields and the values they must equal
 * @param orderBy    the top-level field to sort by, or {@code null} for key order; ties break on the key
 * @param descending whether the sort is descending
 * @param limit      the page size, 1 to {@value #MAX_LIMIT}
 * @param after      the {@link Page#nextCursor()} of the previous page, or {@code null} for the first
 */
public record DocumentQuery(Map<String, Object> equals, String orderBy, boolean descending, int limit,
                            String after) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    public DocumentQuery {
        equals = Map.copyOf(Objects.requireNonNull(equals, "equals"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", was " + limit);
        }
    }

    /** All documents, by key, the given page size. */
    public static DocumentQuery all(int limit) {
        return new DocumentQuery(Map.of(), null, false, limit, null);
    }

    /** Also requires the field to equal the value. */
    public DocumentQuery where(String field, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(equals);
        more.put(field, value);
        return new DocumentQuery(more, orderBy, descending, limit, after);
    }

    /** Sorted by the field, ascending. */
    public DocumentQuery orderBy(String field) {
        return new DocumentQuery(equals, field, false, limit, after);
    }

    /** Sorted by the field, descending. */
    public DocumentQuery orderByDescending(String field) {
        return new DocumentQuery(equals, field, true, limit, after);
    }

    /** The page after the cursor. */
    public DocumentQuery after(String cursor) {
        return new DocumentQuery(equals, orderBy, descending, limit, cursor);
    }
}
