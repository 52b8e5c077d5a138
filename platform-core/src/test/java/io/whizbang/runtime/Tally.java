package io.whizbang.runtime;

import io.vertx.core.Future;
import io.whizbang.impl.dispatch.EventRecords;
import io.whizbang.handler.Perspective;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;
import io.whizbang.policy.PolicySet;
import io.whizbang.registry.Access;
import io.whizbang.registry.LensBinding;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.Registry;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.Count;
import io.whizbang.testdomain.CounterCodecs;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.GetCount;
import io.whizbang.testdomain.GetCountLens;
import io.whizbang.testdomain.Incremented;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * A perspective "count" over the counter events that a test can make fail: it adds each increment to the
 * counter's document and to the tenant's document "all", then throws for an event the poison predicate matches;
 * or whose global position the poisonAt predicate matches; an increment by a negative amount throws later, while
 * its change to the counter is applied.
 */
final class Tally {
    static final String NAME = "count";
    static final String ALL = "all";

    volatile Predicate<Incremented> poison = event -> false;
    volatile LongPredicate poisonAt = position -> false;
    final AtomicInteger failures = new AtomicInteger();
    final Registry registry;
    private final EventRecords records;

    Tally() {
        registry = new Registry("tally", CounterCodecs.codecs(), List.of(),
                List.of(new PerspectiveBinding<Count>(NAME, Count.class, new Perspective<Count>() {
                },
                        Set.of(Incremented.class), (event, documents, context) -> {
                            if (event instanceof Incremented e) {
                                documents.upsert(ALL, () -> new Count(ALL, 0),
                                        count -> new Count(ALL, count.value() + e.by()));
                                documents.upsert(e.counterId(), () -> new Count(e.counterId(), 0), count -> {
                                    if (e.by() < 0) {
                                        throw new IllegalArgumentException("negative increment of " + e.counterId());
                                    }
                                    return new Count(e.counterId(), count.value() + e.by());
                                });
                                if (poison.test(e) || poisonAt.test(context.position())) {
                                    failures.incrementAndGet();
                                    throw new IllegalStateException("poisoned " + e.counterId() + " by " + e.by());
                                }
                            }
                        })),
                List.of(new LensBinding<>(GetCount.class, new GetCountLens(), Access.scope(CounterRegistry.READ),
                        PolicySet.NONE)),
                List.of(), "{}");
        records = new EventRecords(registry.codecs());
    }

    /** Appends one increment to the counter's stream in the tenant. */
    Future<AppendResult> add(Ledger ledger, String tenant, String counter, int by) {
        Incremented event = new Incremented(counter, by);
        Envelope<Incremented> envelope = Envelope.create(Principal.of("test", tenant), registry.codecs().typeOf(event),
                event);
        return ledger.append(tenant, StreamId.of("Counter", counter), ExpectedVersion.any(),
                List.of(records.toData(envelope)));
    }
}
