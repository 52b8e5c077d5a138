package io.whizbang.gateway.web;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;

import java.util.concurrent.CompletableFuture;

/**
 * Turns the failure of a data fetcher into a GraphQL error at its field, coded by {@link GraphQLErrors}; the other
 * fields of the operation still answer.
 */
final class CodedExceptionHandler implements DataFetcherExceptionHandler {
    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
            DataFetcherExceptionHandlerParameters parameters) {
        GraphQLContext context = parameters.getDataFetchingEnvironment().getGraphQlContext();
        Caller caller = context.get(Caller.KEY);
        String correlationId = caller == null ? "(none)" : caller.correlationId();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(
                GraphQLErrors.ofFailure(parameters.getException(), parameters.getPath(),
                        parameters.getSourceLocation(), correlationId)).build());
    }
}
