package io.whizbang.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamIdTest {
    @Test
    void parseSplitsAtTheFirstDash() {
        StreamId stream = StreamId.parse("Order-42-b");

        assertThat(stream.category()).isEqualTo("Order");
        assertThat(stream.id()).isEqualTo("42-b");
        assertThat(stream.value()).isEqualTo("Order-42-b");
    }

    @Test
    void categoryOfLettersDigitsDotsAndUnderscoresUpTo64IsAccepted() {
        String longest = "a".repeat(64);

        assertThat(new StreamId("Sales.Daily_2", "x").category()).isEqualTo("Sales.Daily_2");
        assertThat(new StreamId(longest, "x").category()).isEqualTo(longest);
    }

    @Test
    void categoryThatIsEmptyTooLongOrHasOtherCharactersIsRejected() {
        String[] rejected = {"", "a".repeat(65), "Or der", "Order!", "Ordér", "Order/1", "Ord\u0000"};
        for (String category : rejected) {
            assertThatThrownBy(() -> new StreamId(category, "1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be 1-64 letters, digits, dots or underscores");
        }
    }

    @Test
    void blankOrMissingIdIsRejected() {
        assertThatThrownBy(() -> new StreamId("Order", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamId.parse("Order-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamId.parse("-42")).isInstanceOf(IllegalArgumentException.class);
    }
}
