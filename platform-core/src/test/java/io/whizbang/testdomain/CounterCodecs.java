package io.whizbang.testdomain;

import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.codec.JsonRead;
import io.whizbang.codec.MessageCodec;
import io.whizbang.message.MessageType;

import java.util.function.Function;

/**
 * Codecs of the test domain written by hand in the shape the annotation processor generates, so platform-core's
 * runtime is tested without the processor.
 */
public final class CounterCodecs {
    private CounterCodecs() {
    }

    public static Codecs codecs() {
        return Codecs.builder()
                .add(message(Increment.class, "Increment", 1,
                        v -> new JsonObject().put("counterId", v.counterId()).put("by", v.by()),
                        json -> {
                            String id = JsonRead.required(json, "counterId", JsonRead.STRING);
                            int by = JsonRead.required(json, "by", JsonRead.INT);
                            return JsonRead.construct(() -> new Increment(id, by));
                        }))
                .add(message(Incremented.class, "Incremented", 1,
                        v -> new JsonObject().put("counterId", v.counterId()).put("by", v.by()),
                        json -> new Incremented(JsonRead.required(json, "counterId", JsonRead.STRING),
                                JsonRead.required(json, "by", JsonRead.INT))))
                .add(message(Unexpected.class, "Unexpected", 1,
                        v -> new JsonObject().put("counterId", v.counterId()),
                        json -> new Unexpected(JsonRead.required(json, "counterId", JsonRead.STRING))))
                .add(message(GetCount.class, "GetCount", 1,
                        v -> new JsonObject().put("counterId", v.counterId()),
                        json -> new GetCount(JsonRead.required(json, "counterId", JsonRead.STRING))))
                .add(plain(Integer.class, v -> new JsonObject().put("value", v),
                        json -> JsonRead.required(json, "value", JsonRead.INT)))
                .add(plain(Count.class,
                        v -> new JsonObject().put("counterId", v.counterId()).put("value", v.value()),
                        json -> new Count(JsonRead.required(json, "counterId", JsonRead.STRING),
                                JsonRead.required(json, "value", JsonRead.INT))))
                .build();
    }

    static <T> MessageCodec<T> message(Class<T> type, String name, int version, Function<T, JsonObject> encode,
                                       Function<JsonObject, T> decode) {
        MessageType messageType = new MessageType(name, version);
        return new MessageCodec<>() {
            @Override
            public MessageType messageType() {
                return messageType;
            }

            @Override
            public Class<T> javaType() {
                return type;
            }

            @Override
            public JsonObject encode(T value) {
                return encode.apply(value);
            }

            @Override
            public T decode(JsonObject json) {
                return decode.apply(json);
            }
        };
    }

    static <T> JsonCodec<T> plain(Class<T> type, Function<T, JsonObject> encode, Function<JsonObject, T> decode) {
        return new JsonCodec<>() {
            @Override
            public Class<T> javaType() {
                return type;
            }

            @Override
            public JsonObject encode(T value) {
                return encode.apply(value);
            }

            @Override
            public T decode(JsonObject json) {
                return decode.apply(json);
            }
        };
    }
}
