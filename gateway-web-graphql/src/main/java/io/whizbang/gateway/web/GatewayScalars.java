package io.whizbang.gateway.web;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;

/**
 * The custom scalars of the schema: {@code Decimal} (money as a string with its decimals), {@code Date} (ISO day),
 * {@code DateTime} (ISO instant) and {@code Long} (64-bit integer).
 *
 * <p>Each reads what clients send (variables and literals) into a plain Java value that the generated codecs read,
 * and writes what the codecs' JSON holds; nothing is looked up by reflection.
 */
final class GatewayScalars {
    /** Money and prices: {@code "12.50"} out; a string or a number in. */
    static final GraphQLScalarType DECIMAL = scalar("Decimal", "a decimal number such as \"12.50\"",
            GatewayScalars::decimal, value -> value instanceof BigDecimal decimal ? decimal.toPlainString()
                    : decimal(value).toPlainString());
    /** A day: {@code 2026-01-31}. */
    static final GraphQLScalarType DATE = scalar("Date", "an ISO-8601 date such as \"2026-01-31\"",
            value -> LocalDate.parse(text(value)), GatewayScalars::written);
    /** An instant: {@code 2026-01-31T09:15:00Z}. */
    static final GraphQLScalarType DATE_TIME = scalar("DateTime", "an ISO-8601 instant such as "
            + "\"2026-01-31T09:15:00Z\"", value -> Instant.parse(text(value)), GatewayScalars::written);
    /** A 64-bit integer. */
    static final GraphQLScalarType LONG = scalar("Long", "a 64-bit integer", GatewayScalars::integral,
            value -> value instanceof Long ? value : integral(value));

    /** The most digits a decimal may have before its point. */
    private static final int MAX_INTEGER_DIGITS = 15;
    /** The most significant decimals a decimal may have. */
    private static final int MAX_DECIMALS = 10;

    private GatewayScalars() {
    }

    private static GraphQLScalarType scalar(String name, String expected, Function<Object, Object> read,
                                            Function<Object, Object> write) {
        return GraphQLScalarType.newScalar().name(name).description(expected)
                .coercing(new TextCoercing(name, expected, read, write)).build();
    }

    private static BigDecimal decimal(Object value) {
        BigDecimal decimal;
        if (value instanceof BigDecimal given) {
            decimal = given;
        } else if (value instanceof Number || value instanceof String) {
            decimal = new BigDecimal(value.toString().trim());
        } else {
            throw new IllegalArgumentException("not a number");
        }
        // Bounded, so that no later setScale can be asked to build a number of a billion digits ("1e999999999").
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS || stripped.scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("out of range");
        }
        return decimal;
    }

    private static Object integral(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number || value instanceof String) {
            return new BigDecimal(value.toString().trim()).longValueExact();
        }
        throw new IllegalArgumentException("not an integer");
    }

    /**
     * A date or instant as the answer holds it: the codecs write them as ISO text already, which goes out as it is;
     * a {@code LocalDate} or {@code Instant} value is written the same way.
     */
    private static Object written(Object value) {
        if (value instanceof String || value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        throw new IllegalArgumentException("not a date or instant");
    }

    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("not a string");
    }

    /** A coercing that turns any failure of its functions into the GraphQL coercion error of its direction. */
    private static final class TextCoercing implements Coercing<Object, Object> {
        private final String name;
        private final String expected;
        private final Function<Object, Object> read;
        private final Function<Object, Object> write;

        TextCoercing(String name, String expected, Function<Object, Object> read, Function<Object, Object> write) {
            this.name = name;
            this.expected = expected;
            this.read = read;
            this.write = write;
        }

        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) {
            try {
                return write.apply(result);
            } catch (RuntimeException e) {
                throw new CoercingSerializeException(name + " cannot show \"" + clip(result) + "\"");
            }
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            try {
                return read.apply(input);
            } catch (RuntimeException e) {
                throw new CoercingParseValueException("expected " + expected + ", got \"" + clip(input) + "\"");
            }
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                   Locale locale) {
            Object raw;
            if (input instanceof StringValue text) {
                raw = text.getValue();
            } else if (input instanceof IntValue number) {
                raw = number.getValue();
            } else if (input instanceof FloatValue number) {
                raw = number.getValue();
            } else {
                throw new CoercingParseLiteralException("expected " + expected);
            }
            try {
                return read.apply(raw);
            } catch (RuntimeException e) {
                throw new CoercingParseLiteralException("expected " + expected + ", got \"" + clip(raw) + "\"");
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.of(String.valueOf(serialize(input, context, locale)));
        }

        private static String clip(Object value) {
            String text = String.valueOf(value);
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }
}
