package io.whizbang.gateway.web;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one table from failures to GraphQL errors: every error leaves the gateway with {@code extensions.code} set to
 * an {@link ErrorCode} name, and an {@code INTERNAL} one shows only the correlation id it is logged under.
 *
 * <table>
 *   <caption>What the engine reports, and the code it gets</caption>
 *   <tr><th>failure</th><th>{@code extensions.code}</th></tr>
 *   <tr><td>a {@link WhizbangException} from the back end or a data fetcher</td><td>its own code</td></tr>
 *   <tr><td>a syntax error ({@code InvalidSyntax})</td><td>{@code INVALID_ARGUMENT}</td></tr>
 *   <tr><td>a validation error, a variable of the wrong type ({@code ValidationError})</td>
 *       <td>{@code INVALID_ARGUMENT}</td></tr>
 *   <tr><td>a document past the depth or complexity limit, a subscription over HTTP, an introspection too big
 *       to be in good faith ({@code ExecutionAborted}, {@code OperationNotSupported},
 *       {@code BadFaithIntrospection})</td><td>{@code INVALID_ARGUMENT}</td></tr>
 *   <tr><td>anything else (a bug)</td><td>{@code INTERNAL}</td></tr>
 * </table>
 */
final class GraphQLErrors {
    /** The extension that carries the code. */
    static final String CODE = "code";

    /** graphql-java's own classifications of documents it refuses: too big an introspection, introspection off. */
    private static final Set<String> BAD_DOCUMENTS = Set.of("BadFaithIntrospection", "IntrospectionDisabled");

    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class.getName());

    private GraphQLErrors() {
    }

    /** The code an error of the engine stands for. */
    static ErrorCode codeOf(GraphQLError error) {
        ErrorClassification classification = error.getErrorType();
        if (classification instanceof ErrorType type) {
            return switch (type) {
                case InvalidSyntax, ValidationError, ExecutionAborted, OperationNotSupported ->
                        ErrorCode.INVALID_ARGUMENT;
                case DataFetchingException, NullValueInNonNullableField -> ErrorCode.INTERNAL;
            };
        }
        if (classification != null && BAD_DOCUMENTS.contains(String.valueOf(classification.toSpecification(error)))) {
            return ErrorCode.INVALID_ARGUMENT;
        }
        return ErrorCode.INTERNAL;
    }

    /** The error with its code: kept as it is when it has one, else coded by its classification. */
    static GraphQLError coded(GraphQLError error, String correlationId) {
        Map<String, Object> extensions = error.getExtensions();
        if (extensions != null && extensions.get(CODE) instanceof String) {
            return error;
        }
        ErrorCode code = codeOf(error);
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (code == ErrorCode.INTERNAL) {
            LOG.log(Level.SEVERE, "internal GraphQL error, correlation id " + correlationId + ": " + message);
            message = internalMessage(correlationId);
        }
        Map<String, Object> coded = extensions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extensions);
        coded.put(CODE, code.name());
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(message).extensions(coded)
                .locations(error.getLocations()).path(error.getPath());
        if (error.getErrorType() != null) {
            builder.errorType(error.getErrorType());
        }
        return builder.build();
    }

    /** The error a failed data fetcher stands for, at its field. */
    static GraphQLError ofFailure(Throwable failure, ResultPath path, SourceLocation location, String correlationId) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        WhizbangException known = WhizbangException.wrap(cause);
        String message = known.getMessage();
        if (known.code() == ErrorCode.INTERNAL) {
            LOG.log(Level.SEVERE, "internal error in a data fetcher, correlation id " + correlationId, cause);
            message = internalMessage(correlationId);
        }
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(message).path(path)
                .errorType(ErrorType.DataFetchingException).extensions(Map.of(CODE, known.code().name()));
        if (location != null) {
            builder.location(location);
        }
        return builder.build();
    }

    /** A GraphQL response body that holds only one coded error: what HTTP refusals before execution answer. */
    static JsonObject body(ErrorCode code, String message, String correlationId) {
        String shown = code == ErrorCode.INTERNAL ? internalMessage(correlationId) : message;
        return new JsonObject()
                .put("errors", new JsonArray().add(new JsonObject().put("message", shown)
                        .put("extensions", new JsonObject().put(CODE, code.name()))))
                .put("extensions", new JsonObject().put("correlationId", correlationId));
    }

    private static String internalMessage(String correlationId) {
        return "internal error; it is logged under correlation id " + correlationId;
    }
}
