package io.whizbang.projections.postgres;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import io.whizbang.error.ValidationException;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.spi.PageCursor;

import java.math.BigDecimal;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The SELECT of one page of a {@link DocumentQuery} on the documents table, with its parameters, all bound.
 *
 * <p>It compares like the memory store (see {@link FieldOrder}): a field's value equals a number when it is a number
 * of the same value or a string of the number's text, and equals anything else when its text is that thing's text;
 * a missing field or JSON {@code null} equals nothing. It breaks ties on the key. Field names go into JSON paths, so
 * only top-level names of letters, digits and {@code _} are accepted; anything else is {@code INVALID_ARGUMENT}.
 *
 * @param sql        the statement
 * @param parameters its parameters, in order
 */
record PgDocumentSelect(String sql, Tuple parameters) {
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_]{1,128}");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /**
     * The SELECT of {@code key, doc} for one page of the query plus one row, which tells whether there is a next
     * page.
     *
     * @throws ValidationException when a field name is not a plain top-level name or the cursor is not one a page
     *     gave out
     */
    static PgDocumentSelect of(String schema, String tenant, String collection, DocumentQuery query) {
        Statement statement = new Statement("SELECT key, doc FROM " + schema + ".documents WHERE tenant = ? AND"
                + " collection = ?", tenant, collection);
        // sorted, so that one shape of query is one statement text, prepared once
        for (String field : new TreeSet<>(query.equals().keySet())) {
            equal(statement, checked("equals", field), query.equals().get(field));
        }
        String sortField = query.orderBy() == null ? null : checked("orderBy", query.orderBy());
        String direction = query.descending() ? " DESC" : "";
        if (query.after() != null) {
            after(statement, PageCursor.decode(query.after()), sortField, query.descending());
        }
        statement.append(" ORDER BY ");
        if (sortField != null) {
            statement.append(FieldOrder.rank(sortField) + direction + ", " + FieldOrder.number(sortField) + direction
                    + ", " + FieldOrder.text(sortField) + direction + ", ");
        }
        statement.append("key" + direction + " LIMIT ?::int", query.limit() + 1);
        return new PgDocumentSelect(statement.sql(), statement.parameters());
    }

    private static void equal(Statement statement, String field, Object expected) {
        String rank = FieldOrder.rank(field);
        String number = FieldOrder.number(field);
        String text = FieldOrder.text(field);
        if (expected instanceof Number value) {
            statement.append(" AND ((" + rank + " = 1 AND " + number + " = ?::text::numeric AND " + text + " = '')"
                    + " OR (" + rank + " = 2 AND " + number + " = 0 AND " + text + " = ?))", decimal(value),
                    value.toString());
            return;
        }
        String shown = text(expected);
        if (JSON_NUMBER.matcher(shown).matches()) {
            // a number whose text is the expected text also equals it
            statement.append(" AND ((" + rank + " = 2 AND " + number + " = 0 AND " + text + " = ?) OR (" + rank
                    + " = 1 AND " + number + " = ?::text::numeric AND " + text + " = '' AND "
                    + FieldOrder.anyText(field) + " = ?))", shown, shown, shown);
        } else {
            statement.append(" AND " + rank + " = 2 AND " + number + " = 0 AND " + text + " = ?", shown);
        }
    }

    /** Only what sorts after the cursor's item: after its value, or at its value and after its key. */
    private static void after(Statement statement, PageCursor cursor, String sortField, boolean descending) {
        String comparison = descending ? " < " : " > ";
        if (sortField == null) {
            statement.append(" AND key" + comparison + "?", cursor.key());
            return;
        }
        Object value = cursor.sortValue();
        int rank = value == null ? 0 : value instanceof Number ? 1 : 2;
        String number = value instanceof Number n ? decimal(n) : "0";
        String text = value == null || value instanceof Number ? "" : text(value);
        statement.append(" AND (" + FieldOrder.rank(sortField) + ", " + FieldOrder.number(sortField) + ", "
                + FieldOrder.text(sortField) + ", key)" + comparison + "(?::int, ?::text::numeric, ?, ?)", rank,
                number, text, cursor.key());
    }

    private static String checked(String parameter, String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            String shown = field == null ? "null" : field.length() > 40 ? field.substring(0, 40) + "..." : field;
            throw new ValidationException(parameter, "'" + shown + "' is not a top-level field name; use 1 to 128"
                    + " letters, digits and _");
        }
        return field;
    }

    /** A number as PostgreSQL's numeric reads it. */
    private static String decimal(Number number) {
        return new BigDecimal(number.toString()).toString();
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

    /** SQL with {@code ?} placeholders, numbered {@code $1, $2, ...} as they are appended. */
    private static final class Statement {
        private final StringBuilder sql = new StringBuilder();
        private final Tuple parameters = Tuple.tuple();

        Statement(String sql, Object... parameters) {
            append(sql, parameters);
        }

        void append(String text, Object... values) {
            int next = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '?') {
                    parameters.addValue(values[next++]);
                    sql.append('$').append(parameters.size());
                } else {
                    sql.append(c);
                }
            }
            if (next != values.length) {
                throw new IllegalStateException("placeholders and values differ in " + text);
            }
        }

        String sql() {
            return sql.toString();
        }

        Tuple parameters() {
            return parameters;
        }
    }
}
