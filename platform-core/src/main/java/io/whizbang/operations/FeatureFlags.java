package io.whizbang.operations;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.whizbang.error.PermanentException;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The feature flags of one Vert.x instance, which application code reads on every decision so that a flag flipped
 * by the control plane takes effect at once, without a restart.
 *
 * <pre>{@code
 * if (FeatureFlags.of(vertx).isEnabled("express-shipping")) { ... }
 * }</pre>
 *
 * <p>Every verticle of the instance sees the same flags; the {@link ControlAgent} applies the control plane's
 * changes and, when it starts, the control plane's persisted set. Thread-safe.
 */
public final class FeatureFlags implements Shareable {
    private static final String KEY = "feature-flags";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final Map<String, Boolean> flags = new ConcurrentHashMap<>();

    private FeatureFlags() {
    }

    /** The flags of the Vert.x instance. */
    public static FeatureFlags of(Vertx vertx) {
        LocalMap<String, Object> map = OperationsMap.of(vertx);
        Object existing = map.get(KEY);
        if (existing == null) {
            existing = map.putIfAbsent(KEY, new FeatureFlags());
            if (existing == null) {
                existing = map.get(KEY);
            }
        }
        return (FeatureFlags) existing;
    }

    /** Whether the flag is on; an unknown flag is off. */
    public boolean isEnabled(String flag) {
        return isEnabled(flag, false);
    }

    /** Whether the flag is on, or the fallback when no one has set it. */
    public boolean isEnabled(String flag, boolean fallback) {
        return flags.getOrDefault(flag, fallback);
    }

    /** Every flag that was set, by name. */
    public Map<String, Boolean> all() {
        return new TreeMap<>(flags);
    }

    /** Turns a flag on or off. */
    public void set(String flag, boolean enabled) {
        flags.put(checkName(flag), enabled);
    }

    /** Replaces every flag with the given set. */
    public void replaceAll(Map<String, Boolean> next) {
        next.keySet().forEach(FeatureFlags::checkName);
        flags.keySet().retainAll(next.keySet());
        flags.putAll(next);
    }

    /** The flag name, checked: 1-64 letters, digits, dots, dashes, colons or underscores. */
    public static String checkName(String flag) {
        if (flag == null || !NAME.matcher(flag).matches()) {
            throw PermanentException.invalid("a feature flag name must be 1-64 letters, digits, '.', '-', ':' or "
                    + "'_', was \"" + flag + "\"");
        }
        return flag;
    }
}
