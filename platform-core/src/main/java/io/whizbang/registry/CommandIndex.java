package io.whizbang.registry;

import io.whizbang.message.Command;

import java.util.List;

/**
 * Where the receptor of a command sits in a registry's list of receptors, found from the command's exact class:
 * the dispatcher's one lookup per command.
 *
 * <p>The annotation processor writes one per application as a chain of class comparisons, which the JIT reduces to
 * comparisons of the object's class word; {@link #byClass} serves any list of receptors. The dispatcher checks the
 * receptor found against the command's class, so an index can misroute nothing, only fail to route.
 */
@FunctionalInterface
public interface CommandIndex {
    /** The position of the receptor of exactly this command's class, or -1 when the registry has none. */
    int positionOf(Command command);

    /** An index of the receptors by the identity of their command classes. */
    static CommandIndex byClass(List<ReceptorBinding<?, ?>> receptors) {
        return new ClassIndex(receptors);
    }
}
