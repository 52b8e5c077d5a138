package io.whizbang.testdomain;

import io.whizbang.policy.PolicySet;
import io.whizbang.registry.Access;
import io.whizbang.registry.LensBinding;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.ReceptorBinding;
import io.whizbang.registry.Registry;
import io.whizbang.registry.SnapshotPolicy;

import java.util.List;
import java.util.Set;

/** The test domain's registry, in the shape the processor generates. */
public final class CounterRegistry {
    public static final String WRITE = "counters:write";
    public static final String READ = "counters:read";

    private CounterRegistry() {
    }

    public static Registry create(CounterReceptor receptor) {
        return create(receptor, PolicySet.NONE);
    }

    public static Registry create(CounterReceptor receptor, PolicySet policies) {
        return create(receptor, policies, List.of());
    }

    /** With snapshots of the counter's state (an Integer) every {@code every} events. */
    public static Registry snapshotted(CounterReceptor receptor, int every) {
        return create(receptor, PolicySet.NONE, List.of(new SnapshotPolicy<>(Integer.class, "CounterState", every, 1)));
    }

    private static Registry create(CounterReceptor receptor, PolicySet policies, List<SnapshotPolicy<?>> snapshots) {
        CountPerspective perspective = new CountPerspective();
        return new Registry("counters", CounterCodecs.codecs(),
                List.of(new ReceptorBinding<>(Increment.class, receptor, Access.scope(WRITE), policies,
                        Set.of(Incremented.class))),
                List.of(new PerspectiveBinding<Count>("count", Count.class, perspective, Set.of(Incremented.class),
                        (event, documents, context) -> {
                            if (event instanceof Incremented e) {
                                perspective.on(e, documents);
                            }
                        })),
                List.of(new LensBinding<>(GetCount.class, new GetCountLens(), Access.scope(READ), PolicySet.NONE)),
                List.of(), "{}", snapshots);
    }
}
