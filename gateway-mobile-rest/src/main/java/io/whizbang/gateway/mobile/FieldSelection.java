package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonObject;
import io.whizbang.error.ValidationException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code fields=a,b} selection: which top-level fields of each item a client wants, so that a phone downloads only
 * what it shows. No selection keeps every field; a name the item type does not have is {@code INVALID_ARGUMENT}.
 */
final class FieldSelection {
    private static final FieldSelection ALL = new FieldSelection(null);

    private final Set<String> kept;

    private FieldSelection(Set<String> kept) {
        this.kept = kept;
    }

    /**
     * The selection a {@code fields} query parameter asks for, against the names the items have.
     *
     * @param parameter the parameter's value, {@code null} when the request has none
     * @param known     the top-level field names of the item type
     */
    static FieldSelection parse(String parameter, List<String> known) {
        if (parameter == null) {
            return ALL;
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String name : parameter.split(",", -1)) {
            String field = name.trim();
            ValidationException.require(!field.isEmpty(), "fields",
                    "must be a comma-separated list of field names, such as fields=orderId,status");
            ValidationException.require(known.contains(field), "fields",
                    "has no field \"" + clip(field) + "\"; the fields are " + String.join(", ", known));
            kept.add(field);
        }
        return new FieldSelection(kept);
    }

    /** The item with only the selected fields, or itself when nothing was selected. */
    JsonObject apply(JsonObject item) {
        if (kept == null) {
            return item;
        }
        JsonObject selected = new JsonObject();
        for (String field : kept) {
            if (item.containsKey(field)) {
                selected.put(field, item.getValue(field));
            }
        }
        return selected;
    }

    private static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
