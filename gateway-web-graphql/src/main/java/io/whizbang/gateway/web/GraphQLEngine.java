package io.whizbang.gateway.web;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;

/**
 * The graphql-java engine of the gateway: the schema, the coded error handling, the depth and complexity limits and
 * the document cache.
 */
final class GraphQLEngine {
    private GraphQLEngine() {
    }

    /** The engine, limited as the options say. */
    static GraphQL create(GraphQLSchema schema, WebGatewayOptions options, DocumentCache documents) {
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new CodedExceptionHandler())
                .instrumentation(new GatewayInstrumentation(new DocumentLimits(options.getMaxQueryDepth(),
                        options.getMaxQueryComplexity(), Math.max(1, options.getDocumentCacheSize()))))
                .preparsedDocumentProvider(documents)
                .build();
    }
}
