package io.whizbang.impl.dispatch;

import io.vertx.core.buffer.Buffer;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Receipt;
import io.whizbang.error.ValidationException;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Envelope;
import io.whizbang.security.Principal;
import io.whizbang.testdomain.Count;
import io.whizbang.testdomain.CounterReceptor;
import io.whizbang.testdomain.CounterRegistry;
import io.whizbang.testdomain.Increment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Between cluster nodes the dispatcher's envelopes, receipts and answers travel as JSON; these tests check that what
 * a node decodes is what the other sent, and that a bad frame is refused with a coded error.
 */
class BusCodecsTest {
    private static final Codecs CODECS = CounterRegistry.create(new CounterReceptor()).codecs();
    private static final Principal ALICE = Principal.of("alice", "acme", CounterRegistry.WRITE);

    @Test
    void anEnvelopeCrossesTheWireUnchanged() {
        Envelope<Increment> sent = Envelope.create(ALICE, CODECS.typeOf(new Increment("c1", 3)),
                new Increment("c1", 3)).withTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        Envelope<?> received = roundTrip(BusCodecs.envelopes(CODECS), sent);

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void aReceiptAndAnAnswerCrossTheWireUnchanged() {
        Receipt receipt = new Receipt(UUID.randomUUID(), UUID.randomUUID(), "acme", StreamId.of("Counter", "c1"), 4,
                17, List.of(UUID.randomUUID(), UUID.randomUUID()));

        assertThat(roundTrip(BusCodecs.receipts(), receipt)).isEqualTo(receipt);
        assertThat(roundTrip(BusCodecs.answers(CODECS), new BusCodecs.Answer(new Count("c1", 7))).value())
                .isEqualTo(new Count("c1", 7));
    }

    @Test
    void insideOneJvmTheSameObjectIsHandedOver() {
        Envelope<Increment> sent = Envelope.create(ALICE, CODECS.typeOf(new Increment("c1", 3)),
                new Increment("c1", 3));

        assertThat(BusCodecs.envelopes(CODECS).transform(sent)).isSameAs(sent);
    }

    @Test
    void aFrameWithAnUnknownTypeIsRefusedAsInvalidArgument() {
        Envelope<Increment> sent = Envelope.create(ALICE, CODECS.typeOf(new Increment("c1", 3)),
                new Increment("c1", 3));
        Buffer wire = Buffer.buffer();
        BusCodecs.envelopes(CODECS).encodeToWire(wire, sent);
        String tampered = wire.getString(4, wire.length()).replace("\"Increment\"", "\"Decrement\"");
        Buffer bad = Buffer.buffer().appendInt(tampered.length()).appendString(tampered);

        assertThatThrownBy(() -> BusCodecs.envelopes(CODECS).decodeFromWire(0, bad))
                .isInstanceOf(ValidationException.class);
    }

    private static <T> T roundTrip(InJvmCodec<T> codec, T value) {
        Buffer wire = Buffer.buffer().appendString("frame header");
        int start = wire.length();
        codec.encodeToWire(wire, value);
        return codec.decodeFromWire(start, wire);
    }
}
