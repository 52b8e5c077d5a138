package io.whizbang.ledger;

import java.util.Objects;

/**
 * The id of a stream inside a tenant: a category (such as {@code Order}) and an id within it.
 *
 * <p>Written {@code Order-42}; the category has no dash, so the first dash separates the two.
 *
 * @param category the kind of stream, letters, digits, dots and underscores
 * @param id       the id within the category, not blank
 */
public record StreamId(String category, String id) {
    private static final int MAX_CATEGORY_LENGTH = 64;
    private static final int MAX_ID_LENGTH = 200;

    public StreamId {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(id, "id");
        if (!isCategory(category)) {
            throw new IllegalArgumentException("stream category \"" + category
                    + "\" must be 1-64 letters, digits, dots or underscores");
        }
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("stream id must be 1-" + MAX_ID_LENGTH + " characters, not blank");
        }
    }

    /** Whether the text is 1-64 letters, digits, dots or underscores (checked by hand: every event read builds one). */
    private static boolean isCategory(String category) {
        int length = category.length();
        if (length == 0 || length > MAX_CATEGORY_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = category.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** A stream id. */
    public static StreamId of(String category, Object id) {
        return new StreamId(category, String.valueOf(id));
    }

    /** The stream id written as {@code Category-id}. */
    public static StreamId parse(String value) {
        int dash = value.indexOf('-');
        if (dash <= 0 || dash == value.length() - 1) {
            throw new IllegalArgumentException("\"" + value + "\" is not a stream id of the form Category-id");
        }
        return new StreamId(value.substring(0, dash), value.substring(dash + 1));
    }

    /** The stream id written as {@code Category-id}. */
    public String value() {
        return category + "-" + id;
    }

    @Override
    public String toString() {
        return value();
    }
}
