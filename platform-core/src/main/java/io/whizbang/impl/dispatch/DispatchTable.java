package io.whizbang.impl.dispatch;

import io.vertx.core.Vertx;
import io.whizbang.error.ValidationException;
import io.whizbang.impl.policy.PolicyRunner;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.registry.CommandIndex;
import io.whizbang.registry.LensBinding;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.ReceptorBinding;
import io.whizbang.registry.Registry;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The registry's bindings indexed by message class, with one policy runner per message type. A command's receptor is
 * found through the registry's command index, which the annotation processor generates.
 */
public final class DispatchTable {
    /** Finds a command's receptor in {@link #receptors}: the hot path's one lookup. */
    private final CommandIndex commandIndex;
    private final ReceptorBinding<?, ?>[] receptors;
    private final Map<Class<?>, LensBinding<?, ?>> lenses = new HashMap<>();
    private final Map<Class<?>, PerspectiveBinding<?>> perspectivesByModel = new HashMap<>();
    private final Map<Class<?>, PolicyRunner> policies = new HashMap<>();

    public DispatchTable(Vertx vertx, Registry registry, Clock clock) {
        commandIndex = registry.commandIndex();
        receptors = registry.receptors().toArray(new ReceptorBinding<?, ?>[0]);
        for (ReceptorBinding<?, ?> binding : registry.receptors()) {
            policies.put(binding.commandType(), new PolicyRunner(binding.commandType().getSimpleName(), vertx,
                    binding.policies(), clock));
        }
        for (LensBinding<?, ?> binding : registry.lenses()) {
            lenses.put(binding.queryType(), binding);
            policies.put(binding.queryType(), new PolicyRunner(binding.queryType().getSimpleName(), vertx,
                    binding.policies(), clock));
        }
        for (PerspectiveBinding<?> binding : registry.perspectives()) {
            perspectivesByModel.put(binding.modelType(), binding);
        }
    }

    /**
     * The receptor of exactly the command's class; {@code INVALID_ARGUMENT} when there is none. The class is checked
     * again on the receptor found, so a wrong index fails to route rather than routes past the wrong guard.
     */
    public ReceptorBinding<?, ?> receptor(Command command) {
        int position = commandIndex.positionOf(command);
        if (position < 0 || position >= receptors.length || receptors[position].commandType() != command.getClass()) {
            throw new ValidationException("type", "no receptor handles " + command.getClass().getSimpleName());
        }
        return receptors[position];
    }

    /**
     * The receptor of a command after the guard: the tenant is named, the principal may act in it and holds the
     * receptor's scope. This is the dispatcher's routing step, and what the dispatch benchmark measures.
     */
    public ReceptorBinding<?, ?> route(Envelope<? extends Command> envelope) {
        ReceptorBinding<?, ?> binding = receptor(envelope.payload());
        Guard.check(envelope, binding.access(), "sending", binding.commandType());
        return binding;
    }

    /** The lens of the query's type; {@code INVALID_ARGUMENT} when there is none. */
    public LensBinding<?, ?> lens(Class<?> queryType) {
        LensBinding<?, ?> binding = lenses.get(queryType);
        if (binding == null) {
            throw new ValidationException("type", "no lens answers " + queryType.getSimpleName());
        }
        return binding;
    }

    /** The perspective whose model is the type, or {@code null}. */
    public PerspectiveBinding<?> perspectiveOf(Class<?> modelType) {
        return perspectivesByModel.get(modelType);
    }

    /** The policy runner of a message type. */
    public PolicyRunner policies(Class<?> messageType) {
        return policies.get(messageType);
    }

    /** Drops the cached answers of the query type with the given simple name; false when it caches none. */
    public boolean clearCache(String queryTypeName) {
        for (Map.Entry<Class<?>, PolicyRunner> entry : policies.entrySet()) {
            if (entry.getKey().getSimpleName().equals(queryTypeName) && entry.getValue().caches()) {
                entry.getValue().clearCache();
                return true;
            }
        }
        return false;
    }
}
