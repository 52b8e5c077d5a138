package io.whizbang.projections.postgres;

/**
 * The SQL expressions that compare a top-level field of a JSONB document the way the memory store compares it: a
 * missing field or JSON {@code null} first (rank 0), then numbers by value (rank 1), then everything else by its
 * text, code point by code point (rank 2). Sorting by {@code (rank, number, text)} is that order, and no part is ever
 * NULL, so a page cursor is one row comparison; an index on the same expressions serves filters and sorts.
 *
 * <p>The field name is spliced into the SQL as a literal, so callers pass only names {@link DocumentIndex} accepts.
 */
final class FieldOrder {
    private FieldOrder() {
    }

    /** 0 for missing or null, 1 for a number, 2 for anything else. */
    static String rank(String field) {
        return "(CASE jsonb_typeof(doc -> '" + field + "') WHEN 'number' THEN 1 WHEN 'string' THEN 2"
                + " WHEN 'boolean' THEN 2 WHEN 'object' THEN 2 WHEN 'array' THEN 2 ELSE 0 END)";
    }

    /** The number, or 0 when the value is no number. */
    static String number(String field) {
        return "(CASE WHEN jsonb_typeof(doc -> '" + field + "') = 'number' THEN (doc ->> '" + field
                + "')::numeric ELSE 0 END)";
    }

    /** The text (booleans as {@code true} and {@code false}), or '' when the value is missing or a number. */
    static String text(String field) {
        return "(CASE WHEN jsonb_typeof(doc -> '" + field + "') IN ('string', 'boolean', 'object', 'array')"
                + " THEN doc ->> '" + field + "' ELSE '' END COLLATE \"C\")";
    }

    /** The value as text whatever its type, NULL when missing or null. */
    static String anyText(String field) {
        return "(doc ->> '" + field + "')";
    }
}
