package io.whizbang.impl.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.dispatch.Receipt;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.message.Envelope;

/**
 * The event-bus codecs of the dispatcher's messages: envelopes sent to it, receipts and answers it replies with.
 * Inside one JVM they pass as objects; between cluster nodes as the same JSON that JSON senders use.
 */
public final class BusCodecs {
    /** Codec name of an {@link Envelope} sent to the dispatcher. */
    public static final String ENVELOPE = "whizbang.envelope";
    /** Codec name of a {@link Receipt} the dispatcher replies with. */
    public static final String RECEIPT = "whizbang.receipt";
    /** Codec name of an {@link Answer} the dispatcher replies with. */
    public static final String ANSWER = "whizbang.answer";

    /** Codec name of a {@link Call}, a message sent through a remote dispatcher's reply channel. */
    public static final String CALL = "whizbang.call";
    /** Codec name of an {@link Answered}, the dispatcher's answer to a {@link Call}. */
    public static final String ANSWERED = "whizbang.answered";

    /** How an {@link Answered} is sent; never changed. */
    static final DeliveryOptions ANSWERED_DELIVERY = with(ANSWERED);

    /** A lens's answer, as the dispatcher replies it to an envelope sent as an object. */
    public record Answer(Object value) {
    }

    /**
     * A message whose answer goes to a reply channel rather than to a request's reply handler.
     *
     * @param replyTo the channel's address
     * @param id      the number the answer carries back
     * @param body    what is sent: an envelope
     */
    public record Call(String replyTo, long id, Object body) {
    }

    /**
     * The answer to a {@link Call}.
     *
     * @param id   the call's number
     * @param body the receipt or the {@link Answer}, or the failure as a {@link io.vertx.core.eventbus.ReplyException}
     */
    public record Answered(long id, Object body) {
    }

    private BusCodecs() {
    }

    /**
     * Registers the codecs on the Vert.x instance unless they already are; the first registration's codecs decode
     * what arrives from other nodes.
     */
    public static void register(Vertx vertx, Codecs codecs) {
        EventBus bus = vertx.eventBus();
        registerOnce(bus, envelopes(codecs));
        registerOnce(bus, receipts());
        registerOnce(bus, answers(codecs));
        registerOnce(bus, new LocalOnlyCodec<Call>(CALL));
        registerOnce(bus, new LocalOnlyCodec<Answered>(ANSWERED));
    }

    static InJvmCodec<Envelope<?>> envelopes(Codecs codecs) {
        EnvelopeJson json = new EnvelopeJson(codecs);
        return new InJvmCodec<>(ENVELOPE, json::encode, json::decode);
    }

    static InJvmCodec<Receipt> receipts() {
        return new InJvmCodec<>(RECEIPT, ReceiptJson::encode, ReceiptJson::decode);
    }

    static InJvmCodec<Answer> answers(Codecs codecs) {
        return new InJvmCodec<>(ANSWER, answer -> answerJson(codecs, answer.value()),
                json -> new Answer(answerOf(codecs, json)));
    }

    /** Delivery options that carry the body with the named codec. */
    public static DeliveryOptions with(String codec) {
        return new DeliveryOptions().setCodecName(codec);
    }

    /**
     * The address at which a dispatcher takes {@link Call}s for the given address of its own; a Vert.x that is not
     * clustered only.
     */
    public static String callsOf(String address) {
        return address + ".calls";
    }

    /** The JSON form of a lens's answer: its Java type and its value through the generated codec. */
    @SuppressWarnings("unchecked")
    public static JsonObject answerJson(Codecs codecs, Object answer) {
        JsonCodec<Object> codec = (JsonCodec<Object>) codecs.of(answer.getClass());
        return new JsonObject().put("answerType", answer.getClass().getName()).put("answer", codec.encode(answer));
    }

    /** The answer a JSON reply stands for. */
    public static Object answerOf(Codecs codecs, JsonObject reply) {
        JsonCodec<?> codec = codecs.byJavaName(reply.getString("answerType"));
        if (codec == null) {
            throw new PermanentException(ErrorCode.INTERNAL, "no codec for answer type "
                    + reply.getString("answerType"), null);
        }
        return codec.decode(reply.getJsonObject("answer"));
    }

    private static void registerOnce(EventBus bus, MessageCodec<?, ?> codec) {
        try {
            bus.registerCodec(codec);
        } catch (IllegalStateException alreadyRegistered) {
            // another dispatcher or client of this Vert.x registered it first
        }
    }
}
