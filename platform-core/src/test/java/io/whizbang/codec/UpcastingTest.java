package io.whizbang.codec;

import io.vertx.core.json.JsonObject;
import io.whizbang.error.ValidationException;
import io.whizbang.message.Event;
import io.whizbang.message.MessageType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Stored events of older schema versions read as the current version through a chain of upcasters. */
class UpcastingTest {
    /** Version 3: the amount in cents and a currency. Version 1 had "amount" in units; version 2 "cents". */
    record Paid(long cents, String currency) implements Event {
    }

    private static final MessageCodec<Paid> PAID = new MessageCodec<>() {
        @Override
        public MessageType messageType() {
            return new MessageType("Paid", 3);
        }

        @Override
        public Class<Paid> javaType() {
            return Paid.class;
        }

        @Override
        public JsonObject encode(Paid value) {
            return new JsonObject().put("cents", value.cents()).put("currency", value.currency());
        }

        @Override
        public Paid decode(JsonObject json) {
            return new Paid(JsonRead.required(json, "cents", JsonRead.LONG),
                    JsonRead.required(json, "currency", JsonRead.STRING));
        }
    };

    private final Codecs codecs = Codecs.builder().add(PAID)
            .upcaster(new Upcaster("Paid", 1, v1 -> new JsonObject().put("cents", v1.getLong("amount") * 100)))
            .upcaster(new Upcaster("Paid", 2, v2 -> v2.put("currency", "EUR")))
            .build();

    @Test
    void versionOneReadsAsVersionThreeThroughTwoSteps() {
        Object paid = codecs.decode("Paid", 1, new JsonObject().put("amount", 12));
        assertThat(paid).isEqualTo(new Paid(1200, "EUR"));
    }

    @Test
    void versionTwoTakesOnlyTheLastStep() {
        assertThat(codecs.decode("Paid", 2, new JsonObject().put("cents", 5))).isEqualTo(new Paid(5, "EUR"));
    }

    @Test
    void theCurrentVersionIsReadAsItIs() {
        assertThat(codecs.decode("Paid", 3, new JsonObject().put("cents", 5).put("currency", "USD")))
                .isEqualTo(new Paid(5, "USD"));
    }

    @Test
    void aVersionNewerThanTheCodeIsRefused() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> codecs.decode("Paid", 4, new JsonObject()));
        assertThat(e.getMessage()).contains("newer than this code knows (3)");
    }

    @Test
    void aMissingStepIsNamed() {
        Codecs gap = Codecs.builder().add(PAID)
                .upcaster(new Upcaster("Paid", 2, v2 -> v2.put("currency", "EUR"))).build();
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> gap.decode("Paid", 1, new JsonObject().put("amount", 1)));
        assertThat(e.getMessage()).contains("no upcaster reads Paid version 1 as version 2");
    }

    @Test
    void upcastersDoNotChangeTheStoredJson() {
        JsonObject stored = new JsonObject().put("cents", 5);
        codecs.decode("Paid", 2, stored);
        assertThat(stored.containsKey("currency")).isFalse();
    }
}
