package io.whizbang.gateway.web;

import graphql.schema.DataFetchingEnvironment;
import io.vertx.core.Future;

import java.util.concurrent.CompletableFuture;

/**
 * What every data fetcher of the gateway shares: the caller of the operation, and Vert.x futures handed to
 * graphql-java as completion stages.
 */
final class Fetchers {
    private Fetchers() {
    }

    /** The caller of the operation the field belongs to. */
    static Caller caller(DataFetchingEnvironment env) {
        return Caller.of(env.getGraphQlContext());
    }

    /** The future as graphql-java waits for it; it completes on the Vert.x context that completes the future. */
    static <T> CompletableFuture<Object> async(Future<T> future) {
        return future.<Object>map(value -> value).toCompletionStage().toCompletableFuture();
    }
}
