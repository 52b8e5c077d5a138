package io.whizbang.impl.projection;

import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentQuery;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

/**
 * How a query filters and orders documents held in memory: equal values compare as numbers when both are
 * numbers and as text otherwise; the sort breaks ties on the key.
 */
final class DocumentOrder {
    private DocumentOrder() {
    }

    static boolean matches(Document document, DocumentQuery query) {
        for (Map.Entry<String, Object> condition : query.equals().entrySet()) {
            if (!equalValues(document.json().getValue(condition.getKey()), condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    static Comparator<Document> comparator(DocumentQuery query) {
        Comparator<Document> byKey = Comparator.comparing(Document::key);
        if (query.orderBy() == null) {
            return query.descending() ? byKey.reversed() : byKey;
        }
        Comparator<Document> bySort = (a, b) -> compareValues(a.json().getValue(query.orderBy()),
                b.json().getValue(query.orderBy()));
        Comparator<Document> both = bySort.thenComparing(byKey);
        return query.descending() ? both.reversed() : both;
    }

    static Object sortValue(Document document, DocumentQuery query) {
        return query.orderBy() == null ? null : document.json().getValue(query.orderBy());
    }

    /** Equal when both are numbers of the same value, or when their texts are equal. */
    static boolean equalValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a.toString().equals(b.toString());
    }

    /** Orders values: missing first, then numbers by value, then everything else by its text. */
    static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof Number || b instanceof Number) {
            return a instanceof Number ? -1 : 1;
        }
        return a.toString().compareTo(b.toString());
    }
}
