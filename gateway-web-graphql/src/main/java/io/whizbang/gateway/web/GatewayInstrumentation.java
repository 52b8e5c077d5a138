package io.whizbang.gateway.web;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's own step in every execution: it refuses subscriptions that did not come over WebSocket and operations
 * past the depth and complexity limits ({@link DocumentLimits}), codes every error of the result ({@link GraphQLErrors}) and adds the correlation id to the result's extensions, subscription
 * events included.
 */
final class GatewayInstrumentation extends SimplePerformantInstrumentation {
    /** The result extension that carries the correlation id. */
    static final String CORRELATION_ID = "correlationId";

    private final DocumentLimits limits;

    GatewayInstrumentation(DocumentLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
        Caller caller = parameters.getExecutionContext().getGraphQLContext().get(Caller.KEY);
        if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION
                && (caller == null || caller.transport() != Caller.Transport.WEBSOCKET)) {
            // an engine error of classification ExecutionAborted, which GraphQLErrors codes INVALID_ARGUMENT
            throw new AbortExecutionException("subscriptions are served over WebSocket at /graphql with the "
                    + "graphql-transport-ws protocol, not over HTTP POST");
        }
        limits.check(parameters);
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        Caller caller = parameters.getGraphQLContext().get(Caller.KEY);
        String correlationId = caller == null ? "(none)" : caller.correlationId();
        List<GraphQLError> coded = new ArrayList<>(result.getErrors().size());
        for (GraphQLError error : result.getErrors()) {
            coded.add(GraphQLErrors.coded(error, correlationId));
        }
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(coded)
                .addExtension(CORRELATION_ID, correlationId)));
    }
}
