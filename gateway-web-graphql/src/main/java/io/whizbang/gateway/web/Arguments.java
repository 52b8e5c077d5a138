package io.whizbang.gateway.web;

import graphql.schema.DataFetchingEnvironment;
import io.whizbang.error.ValidationException;

import java.util.UUID;

/**
 * Reads the arguments of a field that the schema alone cannot check: ids that must be UUIDs, counts in range.
 * Each refusal is {@code INVALID_ARGUMENT} naming the argument.
 */
final class Arguments {
    private Arguments() {
    }

    /** The argument as a UUID. */
    static UUID uuid(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        if (value instanceof String text && text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException notAUuid) {
                // refused below
            }
        }
        throw new ValidationException(name, "must be a UUID such as 0190a5a4-7b9e-7c3d-9f00-1a2b3c4d5e6f, was \""
                + clip(value) + "\"");
    }

    /** The argument as a whole number from {@code min} to {@code max}. */
    static int intIn(DataFetchingEnvironment env, String name, int min, int max) {
        Object value = env.getArgument(name);
        if (value instanceof Integer number && number >= min && number <= max) {
            return number;
        }
        throw new ValidationException(name, "must be " + min + "-" + max + ", was " + clip(value));
    }

    /** The argument as text, or null when it was left out. */
    static String text(DataFetchingEnvironment env, String name) {
        Object value = env.getArgument(name);
        return value instanceof String text ? text : null;
    }

    private static String clip(Object value) {
        String text = String.valueOf(value);
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
