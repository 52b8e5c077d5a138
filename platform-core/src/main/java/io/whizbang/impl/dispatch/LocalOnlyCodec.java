package io.whizbang.impl.dispatch;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Carries an immutable object between consumers of one JVM, as it is. Its messages are sent only on a Vert.x that is
 * not clustered ({@link ReplyChannel}), so they never reach the wire; one that would is refused rather than sent
 * half-encoded.
 *
 * @param <T> the type carried; its instances must not change once sent
 */
final class LocalOnlyCodec<T> implements MessageCodec<T, T> {
    private final String name;

    LocalOnlyCodec(String name) {
        this.name = name;
    }

    @Override
    public void encodeToWire(Buffer buffer, T value) {
        throw new IllegalStateException(name + " messages stay in one JVM; a clustered dispatcher uses requests");
    }

    @Override
    public T decodeFromWire(int position, Buffer buffer) {
        throw new IllegalStateException(name + " messages stay in one JVM; a clustered dispatcher uses requests");
    }

    @Override
    public T transform(T value) {
        return value;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
