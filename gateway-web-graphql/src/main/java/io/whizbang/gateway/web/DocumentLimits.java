package io.whizbang.gateway.web;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The depth and complexity limits of documents: graphql-java's {@link MaxQueryDepthInstrumentation} and
 * {@link MaxQueryComplexityInstrumentation}, with their verdict kept per parsed document and operation.
 *
 * <p>Both walk the whole operation on every execution; the documents of an application repeat (the
 * {@link DocumentCache} hands out the same parsed {@link Document} each time), and the depth and default complexity
 * of an operation do not change with its variables unless a {@code @skip} or {@code @include} directive reads one.
 * So a verdict is computed once per document and operation name and reused, a refusal included; documents with such
 * directives are checked on every execution.
 */
final class DocumentLimits {
    private final MaxQueryDepthInstrumentation depth;
    private final MaxQueryComplexityInstrumentation complexity;
    private final int capacity;
    private final Map<Key, Verdict> verdicts;

    DocumentLimits(int maxDepth, int maxComplexity, int capacity) {
        this.depth = new MaxQueryDepthInstrumentation(maxDepth);
        this.complexity = new MaxQueryComplexityInstrumentation(maxComplexity);
        this.capacity = capacity;
        this.verdicts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Verdict> eldest) {
                return size() > DocumentLimits.this.capacity;
            }
        };
    }

    /** A document and one of its operations. */
    private record Key(Document document, String operationName) {
    }

    /** Whether an operation keeps the limits: {@code refusal} is null when it does. */
    private record Verdict(AbortExecutionException refusal, boolean reusable) {
    }

    /**
     * Checks the operation about to run.
     *
     * @throws AbortExecutionException when it is deeper or more complex than allowed
     */
    void check(InstrumentationExecuteOperationParameters parameters) {
        Key key = new Key(parameters.getExecutionContext().getDocument(),
                parameters.getExecutionContext().getExecutionInput().getOperationName());
        Verdict known = get(key);
        if (known == null) {
            known = judge(parameters, !readsVariablesInDirectives(key.document()));
            if (known.reusable()) {
                put(key, known);
            }
        }
        if (known.refusal() != null) {
            throw new AbortExecutionException(known.refusal().getMessage());
        }
    }

    private Verdict judge(InstrumentationExecuteOperationParameters parameters, boolean reusable) {
        try {
            depth.beginExecuteOperation(parameters, null);
            InstrumentationState state = complexity.createStateAsync(
                    new InstrumentationCreateStateParameters(parameters.getExecutionContext().getGraphQLSchema(),
                            parameters.getExecutionContext().getExecutionInput())).join();
            complexity.beginExecuteOperation(parameters, state);
            return new Verdict(null, reusable);
        } catch (AbortExecutionException refused) {
            return new Verdict(refused, reusable);
        }
    }

    /** Whether a {@code @skip} or {@code @include} of the document reads a variable (or any directive is there). */
    private static boolean readsVariablesInDirectives(Document document) {
        ArrayDeque<Node<?>> pending = new ArrayDeque<>();
        pending.push(document);
        while (!pending.isEmpty()) {
            Node<?> node = pending.pop();
            if (node instanceof Directive) {
                return true;
            }
            for (Node<?> child : node.getChildren()) {
                pending.push(child);
            }
        }
        return false;
    }

    private synchronized Verdict get(Key key) {
        return verdicts.get(key);
    }

    private synchronized void put(Key key, Verdict verdict) {
        if (capacity > 0) {
            verdicts.put(key, verdict);
        }
    }
}
