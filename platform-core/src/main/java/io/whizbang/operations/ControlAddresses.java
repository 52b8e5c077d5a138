package io.whizbang.operations;

import java.util.Objects;

/**
 * The event-bus addresses of the control plane's protocol: {@code <prefix>.control.broadcast} is published every
 * {@link ControlCommand} to, {@code <prefix>.control.roster} carries the agents' hellos and goodbyes, and
 * {@code <prefix>.control.flags} answers the persisted feature flags to an agent that starts.
 *
 * @param prefix the prefix shared by every address, such as {@code whizbang}
 */
public record ControlAddresses(String prefix) {
    /** The default prefix, the dispatcher's. */
    public static final String DEFAULT_PREFIX = "whizbang";

    public ControlAddresses {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("the control address prefix must not be blank");
        }
    }

    /** The addresses of the default prefix. */
    public static ControlAddresses defaults() {
        return new ControlAddresses(DEFAULT_PREFIX);
    }

    /** Where control commands are published to every agent. */
    public String broadcast() {
        return prefix + ".control.broadcast";
    }

    /** Where agents publish that they joined or left, and where a roll call asks them to say so again. */
    public String roster() {
        return prefix + ".control.roster";
    }

    /** Where the control plane answers the persisted feature flags. */
    public String flags() {
        return prefix + ".control.flags";
    }

    /** Where the answers to one command are sent. */
    public String answers(String commandId) {
        return prefix + ".control.answers." + commandId;
    }
}
