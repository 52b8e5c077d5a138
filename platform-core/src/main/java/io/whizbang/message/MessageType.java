package io.whizbang.message;

import java.util.Objects;

/**
 * The name and schema version under which a message type travels and is stored.
 *
 * @param name          the stable type name
 * @param schemaVersion the schema version, at least 1
 */
public record MessageType(String name, int schemaVersion) {
    public MessageType {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a message type name must not be blank");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion of " + name + " must be at least 1, was " + schemaVersion);
        }
    }
}
