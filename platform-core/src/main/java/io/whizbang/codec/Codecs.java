package io.whizbang.codec;

import io.vertx.core.json.JsonObject;
import io.whizbang.error.PermanentException;
import io.whizbang.error.ValidationException;
import io.whizbang.message.MessageType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The codecs of an application, by Java type and by message type name, with the upcasters of older versions.
 *
 * <p>Built by the generated registry; lookups are plain map reads.
 */
public final class Codecs {
    private final Map<Class<?>, JsonCodec<?>> byClass;
    private final Map<String, MessageCodec<?>> byName;
    private final Map<String, Map<Integer, Upcaster>> upcasters;
    private final Map<String, JsonCodec<?>> byJavaName = new HashMap<>();

    private Codecs(Map<Class<?>, JsonCodec<?>> byClass, Map<String, MessageCodec<?>> byName,
                   Map<String, Map<Integer, Upcaster>> upcasters) {
        this.byClass = Map.copyOf(byClass);
        this.byName = Map.copyOf(byName);
        this.upcasters = Map.copyOf(upcasters);
        this.byClass.forEach((type, codec) -> byJavaName.put(type.getName(), codec));
    }

    /** A builder of codecs. */
    public static Builder builder() {
        return new Builder();
    }

    /** The codec of the Java type, or {@code null}. */
    @SuppressWarnings("unchecked")
    public <T> JsonCodec<T> find(Class<T> type) {
        return (JsonCodec<T>) byClass.get(type);
    }

    /** The codec of the Java type; fails with {@code INTERNAL} when none is registered. */
    public <T> JsonCodec<T> of(Class<T> type) {
        JsonCodec<T> codec = find(type);
        if (codec == null) {
            throw new PermanentException(io.whizbang.error.ErrorCode.INTERNAL,
                    "no JSON codec for " + type.getName() + "; is it a record reachable from a message type?", null);
        }
        return codec;
    }

    /** The codec of the Java type with the given binary name ({@code Class.getName()}), or {@code null}. */
    public JsonCodec<?> byJavaName(String className) {
        return byJavaName.get(className);
    }

    /** The message codec registered under the type name, or {@code null}. */
    public MessageCodec<?> byName(String typeName) {
        return byName.get(typeName);
    }

    /** The message type of a payload; fails with {@code INVALID_ARGUMENT} for a type that is not a message. */
    public MessageType typeOf(Object payload) {
        JsonCodec<?> codec = byClass.get(payload.getClass());
        if (codec instanceof MessageCodec<?> message) {
            return message.messageType();
        }
        throw PermanentException.invalid("unknown message type " + payload.getClass().getSimpleName());
    }

    /** The JSON of a value whose type has a codec. */
    @SuppressWarnings("unchecked")
    public JsonObject encode(Object value) {
        JsonCodec<Object> codec = (JsonCodec<Object>) of(value.getClass());
        return codec.encode(value);
    }

    /**
     * The message the JSON stands for, upcast from the stored schema version to the current one.
     *
     * @throws ValidationException for an unknown type name, a version newer than the code knows, or bad JSON
     */
    public Object decode(String typeName, int schemaVersion, JsonObject json) {
        MessageCodec<?> codec = byName.get(typeName);
        if (codec == null) {
            throw new ValidationException("type", "unknown message type " + typeName);
        }
        int current = codec.messageType().schemaVersion();
        if (schemaVersion > current) {
            throw new ValidationException("schemaVersion", typeName + " version " + schemaVersion
                    + " is newer than this code knows (" + current + ")");
        }
        JsonObject upcast = json;
        for (int version = schemaVersion; version < current; version++) {
            Upcaster step = upcasters.getOrDefault(typeName, Map.of()).get(version);
            if (step == null) {
                throw new ValidationException("schemaVersion", "no upcaster reads " + typeName + " version "
                        + version + " as version " + (version + 1));
            }
            upcast = step.transform().apply(upcast.copy());
        }
        return codec.decode(upcast);
    }

    /** Every message codec, by type name. */
    public Map<String, MessageCodec<?>> messageCodecs() {
        return byName;
    }

    /** These codecs together with others'; a type name registered twice fails. */
    public Codecs with(Codecs other) {
        Builder builder = new Builder();
        byClass.values().forEach(builder::add);
        other.byClass.values().forEach(builder::add);
        upcasters.values().forEach(steps -> steps.values().forEach(builder::upcaster));
        other.upcasters.values().forEach(steps -> steps.values().forEach(builder::upcaster));
        return builder.build();
    }

    /** Builds {@link Codecs}. */
    public static final class Builder {
        private final Map<Class<?>, JsonCodec<?>> byClass = new HashMap<>();
        private final Map<String, MessageCodec<?>> byName = new HashMap<>();
        private final List<Upcaster> upcasters = new ArrayList<>();

        private Builder() {
        }

        /** Adds a codec; a message codec is also found by its type name. */
        public Builder add(JsonCodec<?> codec) {
            Objects.requireNonNull(codec, "codec");
            JsonCodec<?> previous = byClass.putIfAbsent(codec.javaType(), codec);
            if (previous != null && previous != codec) {
                return this;
            }
            if (codec instanceof MessageCodec<?> message) {
                MessageCodec<?> clash = byName.putIfAbsent(message.messageType().name(), message);
                if (clash != null && clash.javaType() != message.javaType()) {
                    throw new IllegalStateException("message type name " + message.messageType().name()
                            + " is used by both " + clash.javaType().getName() + " and "
                            + message.javaType().getName());
                }
            }
            return this;
        }

        /** Adds an upcaster from one schema version to the next. */
        public Builder upcaster(Upcaster upcaster) {
            upcasters.add(Objects.requireNonNull(upcaster, "upcaster"));
            return this;
        }

        /** The codecs. */
        public Codecs build() {
            Map<String, Map<Integer, Upcaster>> steps = new HashMap<>();
            for (Upcaster upcaster : upcasters) {
                Upcaster clash = steps.computeIfAbsent(upcaster.typeName(), name -> new HashMap<>())
                        .putIfAbsent(upcaster.fromVersion(), upcaster);
                if (clash != null && clash != upcaster) {
                    throw new IllegalStateException("two upcasters read " + upcaster.typeName() + " version "
                            + upcaster.fromVersion());
                }
            }
            steps.replaceAll((name, byVersion) -> Map.copyOf(byVersion));
            return new Codecs(byClass, byName, steps);
        }
    }
}
