package io.whizbang.codec;

import io.whizbang.message.MessageType;

/**
 * A codec of a message type: it also knows the type name and schema version the message travels under.
 *
 * @param <T> the message type
 */
public interface MessageCodec<T> extends JsonCodec<T> {
    /** The name and current schema version of the message type. */
    MessageType messageType();
}
