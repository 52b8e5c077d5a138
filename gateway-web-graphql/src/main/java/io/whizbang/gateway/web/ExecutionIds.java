package io.whizbang.gateway.web;

import graphql.execution.ExecutionId;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives every execution its id before it reaches graphql-java, which otherwise draws a random UUID (from the shared
 * {@code SecureRandom}) and copies the execution input to hold it; an id only has to tell executions apart in traces.
 */
final class ExecutionIds {
    private final AtomicLong next = new AtomicLong();

    /** A new id. */
    ExecutionId next() {
        return ExecutionId.from(Long.toString(next.incrementAndGet(), Character.MAX_RADIX));
    }
}
