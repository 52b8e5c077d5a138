package io.whizbang.gateway.desktop;

import io.whizbang.error.ValidationException;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the scalar fields of request messages (ids, amounts of money) into the sample's types, and builds records
 * whose rules name fields as the {@code .proto} does ({@code lines[0].unit_price}, not {@code unitPrice}).
 */
final class ProtoInput {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A plain decimal: no exponent, no grouping, bounded so that parsing stays cheap. */
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    /** The most characters of a bad value echoed in an error. */
    private static final int ECHO_LENGTH = 40;

    private ProtoInput() {
    }

    /** The UUID a required id field holds. */
    static UUID uuid(String value, String field) {
        ValidationException.require(!value.isEmpty(), field, "is required");
        ValidationException.require(UUID_TEXT.matcher(value).matches(), field,
                "must be a UUID such as 0190f3a4-5b6c-7d8e-9f00-112233445566, was " + echo(value));
        return UUID.fromString(value);
    }

    /** The amount a required money field holds: a decimal string such as {@code 12.50}. */
    static BigDecimal money(String value, String field) {
        ValidationException.require(!value.isEmpty(), field, "is required");
        ValidationException.require(DECIMAL.matcher(value).matches(), field,
                "must be a decimal such as 12.50, was " + echo(value));
        return new BigDecimal(value);
    }

    /**
     * The record the factory builds, its rule failures renamed to the {@code .proto}'s field names and placed under
     * the path prefix (empty for none).
     */
    static <T> T build(String prefix, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException invalid) {
            ValidationException named = new ValidationException(snakeCase(invalid.field()), detail(invalid));
            throw prefix.isEmpty() ? named : named.under(prefix);
        }
    }

    /** The value as an error may show it: quoted, and cut when long. */
    static String echo(String value) {
        return echo(value, ECHO_LENGTH);
    }

    /** The value as an error may show it: quoted, and cut after the given length. */
    static String echo(String value, int maxLength) {
        String shown = value.length() <= maxLength ? value : value.substring(0, maxLength) + "...";
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    private static String detail(ValidationException invalid) {
        String message = invalid.getMessage();
        String field = invalid.field();
        return !field.isEmpty() && message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
    }

    private static String snakeCase(String field) {
        Matcher humps = CAMEL_HUMP.matcher(field);
        StringBuilder out = new StringBuilder();
        while (humps.find()) {
            humps.appendReplacement(out, humps.group(1) + "_" + humps.group(2).toLowerCase(java.util.Locale.ROOT));
        }
        humps.appendTail(out);
        return out.toString();
    }
}
