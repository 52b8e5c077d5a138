package io.whizbang.projections.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An index a perspective declares on a top-level field of its documents, so that lens queries filtering on the field
 * or sorted by it read an index instead of every document of the tenant's collection.
 *
 * <p>The index is on the field's value in the store's comparison order (missing, then numbers, then text), so equal
 * filters and sorts on the field both use it; it is shared by every collection that declares the same field.
 *
 * @param collection the collection (perspective name) that declared it
 * @param field      the top-level field: 1 to 128 letters, digits and {@code _}
 */
public record DocumentIndex(String collection, String field) {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_]{1,128}");

    public DocumentIndex {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(field, "field");
        if (collection.isBlank()) {
            throw new IllegalArgumentException("collection must not be blank");
        }
        if (!FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("field must be a top-level field name of 1 to 128 letters, digits"
                    + " and _, was \"" + field + "\"");
        }
    }
}
