package io.whizbang.eventstore.sqlite;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A page's payloads and metadata read back exactly as each text alone would, and fail as each alone would. */
class JsonPageTest {
    private static List<JsonObject> decode(String... texts) {
        JsonPage page = new JsonPage();
        for (String text : texts) {
            page.add(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
        }
        return page.decode();
    }

    private static List<JsonObject> oneByOne(String... texts) {
        return Arrays.stream(texts).map(JsonObject::new).toList();
    }

    @Test
    void everyKindOfValueReadsBackAsEachTextAloneWould() {
        String[] texts = {
            "{\"sku\":\"SKU-1\",\"quantity\":7}",
            " {\"big\":12345678901234,\"bigger\":123456789012345678901234567890,\"price\":12.5,\"e\":1e3} ",
            "{\"nested\":{\"list\":[1,\"two\",null,true,false,{\"x\":[]}]},\"empty\":{}}",
            "{\"text\":\"caf\\u00e9 \u00fcber \\\"quoted\\\" \\n \ud83d\ude00\",\"same\":1,\"same\":2}",
            "{}"};

        List<JsonObject> page = decode(texts);

        assertThat(page).isEqualTo(oneByOne(texts));
        assertThat(page.get(1).getValue("big")).isEqualTo(oneByOne(texts).get(1).getValue("big"));
        assertThat(page.get(1).getValue("bigger")).isInstanceOf(BigInteger.class);
        assertThat(page.get(3).getString("text")).isEqualTo("café über \"quoted\" \n \ud83d\ude00");
        assertThat(page.get(3).getInteger("same")).isEqualTo(2);
    }

    @Test
    void textsThatOnlyMakeObjectsTogetherAreNotReadAsOne() {
        // each is broken alone; laid end to end they would read as {"a":1} and {"b":2}
        assertThatThrownBy(() -> decode("{\"a\":", "1} {\"b\":2}")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> decode("{\"a\":1} {\"b\":2}", "")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> decode("", "{\"b\":2}")).isInstanceOf(DecodeException.class);
    }

    @Test
    void aBrokenTextFailsAsItWouldAloneAndAPageWithCommentsStillReads() {
        assertThatThrownBy(() -> decode("{\"a\":1}", "{\"b\":")).isInstanceOf(DecodeException.class);
        assertThatThrownBy(() -> decode("{\"a\":1}", "[1,2]"))
                .isInstanceOf(failure(() -> new JsonObject("[1,2]")).getClass());
        assertThatThrownBy(() -> decode("{\"a\":1}", null))
                .isInstanceOf(failure(() -> new JsonObject((String) null)).getClass());
        // a comment running from one text into the next is two broken texts
        assertThatThrownBy(() -> decode("{\"a\":1} /* note", "*/ {\"b\":2}")).isInstanceOf(DecodeException.class);
        // Vert.x accepts comments: the page reads them as each text alone
        assertThat(decode("{\"a\":1} /* note */", "// line\n{\"b\":2}"))
                .containsExactly(new JsonObject().put("a", 1), new JsonObject().put("b", 2));
    }

    private static RuntimeException failure(Runnable decoding) {
        try {
            decoding.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the text to fail alone");
    }
}
