package io.whizbang.error;

/**
 * Input that is malformed or breaks a rule, naming the field at fault ({@code lines[2].quantity}).
 *
 * <p>Thrown by generated JSON codecs and by the compact constructors of message records.
 */
public class ValidationException extends PermanentException {
    private final String field;

    public ValidationException(String field, String message) {
        super(ErrorCode.INVALID_ARGUMENT, field == null || field.isEmpty() ? message : field + ": " + message, null);
        this.field = field == null ? "" : field;
    }

    /** The path of the field at fault, empty when the message as a whole is at fault. */
    public String field() {
        return field;
    }

    /** The same problem, found inside the field at the given path prefix. */
    public ValidationException under(String prefix) {
        String path = field.isEmpty() ? prefix : prefix + (field.startsWith("[") ? "" : ".") + field;
        String detail = getMessage().startsWith(field + ": ") ? getMessage().substring(field.length() + 2)
                : getMessage();
        return new ValidationException(path, detail);
    }

    /** A rule check for a compact constructor: throws when the condition is false. */
    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new ValidationException(field, message);
        }
    }
}
