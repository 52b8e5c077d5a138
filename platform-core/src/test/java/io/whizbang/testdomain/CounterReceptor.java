package io.whizbang.testdomain;

import io.whizbang.error.ErrorCode;
import io.whizbang.handler.Aggregate;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Receptor;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Event;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides increments: a counter may not pass 1000; "bug-" counters emit an undeclared event; it counts its
 * decisions so tests see retries.
 */
public class CounterReceptor implements Receptor<Increment, Integer> {
    public static final int LIMIT = 1000;
    public final AtomicInteger decisions = new AtomicInteger();

    @Override
    public StreamId streamOf(Increment command, CommandContext context) {
        return StreamId.of("Counter", command.counterId());
    }

    @Override
    public Aggregate<Integer> aggregate() {
        return new Aggregate<>() {
            @Override
            public Integer initial() {
                return 0;
            }

            @Override
            public Integer evolve(Integer state, Event event) {
                return event instanceof Incremented incremented ? state + incremented.by() : state;
            }
        };
    }

    @Override
    public Decision decide(Increment command, Integer state, CommandContext context) {
        decisions.incrementAndGet();
        if (command.counterId().startsWith("bug-")) {
            return Decision.accept(new Unexpected(command.counterId()));
        }
        if (state + command.by() > LIMIT) {
            return Decision.reject(ErrorCode.CONFLICT, "counter " + command.counterId() + " is at " + state
                    + "; adding " + command.by() + " passes " + LIMIT);
        }
        return Decision.accept(new Incremented(command.counterId(), command.by()));
    }
}
