package io.whizbang.eventstore.sqlite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON objects of a page of rows (payloads and metadata), decoded with one parser rather than one per text:
 * making a parser costs more than reading a small object with it.
 *
 * <p>The texts are laid end to end, a line break after each, and read as a sequence of root values. Each text must
 * hold exactly its own object, with nothing but whitespace around it; when one does not (it is broken, or not an
 * object), the page falls back to decoding every text on its own, as {@code new JsonObject(text)} does, which then
 * accepts what it accepts (comments, for one) and fails as it fails. The objects are built as Vert.x builds them:
 * insertion-ordered maps, lists, {@code String}, the parser's number types, booleans and nulls.
 */
final class JsonPage {
    // comments are left out: a comment could run from one text into the next, which the fallback then judges
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final byte NEXT = '\n';
    private static final int SMALL_OBJECT = 4;

    private byte[] texts = new byte[8192];
    private int length;
    private final List<byte[]> each = new ArrayList<>();
    private boolean broken;

    /** Adds the next text, UTF-8 encoded as the column holds it ({@code null} for SQL NULL). */
    void add(byte[] utf8) {
        if (utf8 == null) {
            broken = true;
            each.add(null);
            return;
        }
        if (length + utf8.length + 1 > texts.length) {
            texts = Arrays.copyOf(texts, Math.max(2 * texts.length, length + utf8.length + 1));
        }
        System.arraycopy(utf8, 0, texts, length, utf8.length);
        length += utf8.length;
        texts[length++] = NEXT;
        each.add(utf8);
    }

    /** The objects of the texts added, in their order. */
    List<JsonObject> decode() {
        if (broken) {
            return oneByOne();
        }
        List<JsonObject> objects = new ArrayList<>(each.size());
        try (JsonParser parser = FACTORY.createParser(texts, 0, length)) {
            long start = 0;
            for (byte[] text : each) {
                long end = start + text.length;
                if (parser.nextToken() != JsonToken.START_OBJECT
                        || parser.currentTokenLocation().getByteOffset() < start) {
                    return oneByOne();
                }
                Map<String, Object> object = object(parser);
                if (parser.currentLocation().getByteOffset() > end) {
                    return oneByOne();
                }
                objects.add(new JsonObject(object));
                start = end + 1;
            }
            if (parser.nextToken() != null) {
                return oneByOne();
            }
        } catch (IOException | RuntimeException e) {
            return oneByOne();
        }
        return objects;
    }

    private List<JsonObject> oneByOne() {
        List<JsonObject> objects = new ArrayList<>(each.size());
        for (byte[] text : each) {
            objects.add(new JsonObject(text == null ? null : new String(text, StandardCharsets.UTF_8)));
        }
        return objects;
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        // sized for the few fields of an event or its metadata: a page's maps live until its events are handled
        Map<String, Object> object = new LinkedHashMap<>(SMALL_OBJECT);
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            object.put(name, value(parser));
        }
        return object;
    }

    private static List<Object> array(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentTokenId()) {
            case JsonTokenId.ID_START_OBJECT -> object(parser);
            case JsonTokenId.ID_START_ARRAY -> array(parser);
            case JsonTokenId.ID_STRING -> parser.getText();
            case JsonTokenId.ID_NUMBER_INT, JsonTokenId.ID_NUMBER_FLOAT -> parser.getNumberValue();
            case JsonTokenId.ID_TRUE -> Boolean.TRUE;
            case JsonTokenId.ID_FALSE -> Boolean.FALSE;
            case JsonTokenId.ID_NULL -> null;
            default -> throw new IOException("unexpected token " + parser.currentToken());
        };
    }
}
