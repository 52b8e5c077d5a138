package io.whizbang.projections.sqlite;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ValidationException;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.spi.PageCursor;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The SELECT of one page of a {@link DocumentQuery}, with its parameters, all bound.
 *
 * <p>It compares like the memory store: a field's value is compared as a number when both sides are numbers and as
 * text otherwise ({@code true} and {@code false} included); a missing field or JSON {@code null} equals nothing. It
 * sorts missing values first, then numbers by value, then everything else by its text, and breaks ties on the key
 * (where one field holds both numbers and text, this is a total order, unlike the memory store's pairwise one).
 * Field names go into JSON paths, so only top-level names of letters, digits and {@code _} are accepted; anything
 * else is {@code INVALID_ARGUMENT}.
 *
 * @param sql        the statement
 * @param parameters its parameters, in order
 */
record DocumentSelect(String sql, List<Object> parameters) {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_]{1,128}");
    /**
     * A field's value as SQLite compares it: {@code json_extract} gives NULL, numbers and text, but gives booleans
     * as 1 and 0, so they are turned back into the text Java shows for them. Its two parameters are the path.
     */
    private static final String VALUE = "(CASE json_type(json, ?) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'"
            + " ELSE json_extract(json, ?) END)";

    /**
     * The SELECT of {@code key, json} for one page of the query plus one row, which tells whether there is a next
     * page.
     *
     * @throws ValidationException when a field name is not a plain top-level name or the cursor is not one a page
     *     gave out
     */
    static DocumentSelect of(String tenant, String collection, DocumentQuery query) {
        StringBuilder sql = new StringBuilder("SELECT key, json FROM documents WHERE tenant = ? AND collection = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenant, collection));
        // sorted, so that one shape of query is one statement text, prepared once
        for (String field : new TreeSet<>(query.equals().keySet())) {
            String path = path("equals", field);
            Object expected = query.equals().get(field);
            if (expected instanceof Number number) {
                sql.append(" AND (").append(VALUE).append(" = ? OR (typeof(").append(VALUE).append(") = 'text' AND ")
                        .append(VALUE).append(" = ?))");
                parameters.addAll(List.of(path, path, bindable(number), path, path, path, path, number.toString()));
            } else {
                sql.append(" AND CAST(").append(VALUE).append(" AS TEXT) = ?");
                parameters.addAll(List.of(path, path, text(expected)));
            }
        }
        String sortPath = query.orderBy() == null ? null : path("orderBy", query.orderBy());
        if (query.after() != null) {
            after(PageCursor.decode(query.after()), sortPath, query.descending(), sql, parameters);
        }
        String direction = query.descending() ? " DESC" : "";
        sql.append(" ORDER BY ");
        if (sortPath != null) {
            sql.append(VALUE).append(direction).append(", ");
            parameters.addAll(List.of(sortPath, sortPath));
        }
        sql.append("key").append(direction).append(" LIMIT ?");
        parameters.add(query.limit() + 1);
        return new DocumentSelect(sql.toString(), List.copyOf(parameters));
    }

    /** Only what sorts after the cursor's item: after its value, or at its value and after its key. */
    private static void after(PageCursor cursor, String sortPath, boolean descending, StringBuilder sql,
                              List<Object> parameters) {
        String keyAfter = descending ? "key < ?" : "key > ?";
        if (sortPath == null) {
            sql.append(" AND ").append(keyAfter);
            parameters.add(cursor.key());
        } else if (cursor.sortValue() == null) {
            // missing values sort first
            sql.append(descending ? " AND (" + VALUE + " IS NULL AND " + keyAfter + ")"
                    : " AND (" + VALUE + " IS NOT NULL OR " + keyAfter + ")");
            parameters.addAll(List.of(sortPath, sortPath, cursor.key()));
        } else {
            Object value = cursor.sortValue() instanceof Number number ? bindable(number) : text(cursor.sortValue());
            sql.append(" AND (").append(VALUE).append(descending ? " < ? OR " + VALUE + " IS NULL" : " > ?")
                    .append(" OR (").append(VALUE).append(" = ? AND ").append(keyAfter).append("))");
            parameters.addAll(List.of(sortPath, sortPath, value));
            if (descending) {
                parameters.addAll(List.of(sortPath, sortPath));
            }
            parameters.addAll(List.of(sortPath, sortPath, value, cursor.key()));
        }
    }

    /** The JSON path of a top-level field. */
    private static String path(String parameter, String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            String shown = field == null ? "null" : field.length() > 40 ? field.substring(0, 40) + "..." : field;
            throw new ValidationException(parameter, "'" + shown + "' is not a top-level field name; use 1 to 128"
                    + " letters, digits and _");
        }
        return "$." + field;
    }

    /** A number as SQLite compares it: whole numbers as integers, others as reals. */
    private static Object bindable(Number number) {
        boolean whole = number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger big && big.bitLength() < 64;
        return whole ? (Object) number.longValue() : (Object) number.doubleValue();
    }

    /** A value as the text it compares as, as Java shows it; JSON objects and arrays as compact JSON. */
    private static String text(Object value) {
        if (value instanceof JsonObject object) {
            return object.encode();
        }
        if (value instanceof JsonArray array) {
            return array.encode();
        }
        return value.toString();
    }
}
