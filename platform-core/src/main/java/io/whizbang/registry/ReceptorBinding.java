package io.whizbang.registry;

import io.whizbang.handler.Receptor;
import io.whizbang.message.Command;
import io.whizbang.message.Event;
import io.whizbang.policy.PolicySet;

import java.util.Objects;
import java.util.Set;

/**
 * A row of the generated dispatch table: the receptor of one command type, its access rule, its policies and the
 * event types it may emit.
 *
 * @param commandType the command type
 * @param receptor    the receptor instance
 * @param access      who may send the command
 * @param policies    the command's policies
 * @param emits       the event types the receptor declares; any other is refused as a bug
 * @param <C>         the command type
 * @param <S>         the state type
 */
public record ReceptorBinding<C extends Command, S>(Class<C> commandType, Receptor<C, S> receptor, Access access,
                                                   PolicySet policies, Set<Class<? extends Event>> emits) {
    public ReceptorBinding {
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(receptor, "receptor");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(policies, "policies");
        emits = Set.copyOf(emits);
    }
}
