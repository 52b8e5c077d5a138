package io.whizbang.projection.spi;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.whizbang.error.ValidationException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a page, the same text for every projection store driver: the sort value and key of its last item, so the next page starts after it even when
 * documents are added meanwhile.
 *
 * @param sortValue the last item's sort field value, or {@code null} when sorted by key
 * @param key       the last item's key
 */
public record PageCursor(Object sortValue, String key) {
    /** The cursor as URL-safe text. */
    public String encode() {
        String json = new JsonArray().add(sortValue).add(key).encode();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor the text stands for; {@code INVALID_ARGUMENT} for text no page gave out. */
    public static PageCursor decode(String text) {
        try {
            JsonArray array = new JsonArray(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (array.size() != 2 || !(array.getValue(1) instanceof String key)) {
                throw new IllegalArgumentException(text);
            }
            return new PageCursor(array.getValue(0), key);
        } catch (IllegalArgumentException | DecodeException e) {
            throw new ValidationException("cursor", "is not a cursor this service gave out");
        }
    }
}
