package app.trustpulse.support;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Variations of a payload for fuzz tests. Every field and array item of a JSON payload, however deep, is replaced by
 * a value of every other kind (an object, an array, null, a number, a boolean, a string holding a NUL character, a
 * 100 kB string, an empty string) or left out; a form's fields get the same as text. From a seed, payloads with
 * several fields changed at once, so a run is the same every time.
 */
public final class JsonMutations {

    /** In every string a mutation puts in, so a test can tell that none of them reached the log. */
    public static final String MARKER = "fuzzmarker";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUL_TEXT = MARKER + "\u0000" + MARKER;
    private static final String HUGE_TEXT = MARKER.repeat(10_240);

    /** One variation: what was changed (paths and kinds, never the values), and the payload. */
    public record Mutant(String description, String payload) {}

    public enum Kind {
        OBJECT,
        ARRAY,
        NULL,
        NUMBER,
        BOOLEAN,
        NUL_STRING,
        HUGE_STRING,
        EMPTY_STRING,
        MISSING;

        JsonNode node(Random random) {
            return switch (this) {
                case OBJECT ->
                    random == null ? NODES.objectNode() : NODES.objectNode().put("id", MARKER);
                case ARRAY ->
                    random == null ? NODES.arrayNode() : NODES.arrayNode().addNull();
                case NULL -> NODES.nullNode();
                case NUMBER ->
                    random == null
                            ? NODES.numberNode(42)
                            : List.<JsonNode>of(
                                            NODES.numberNode(-1),
                                            NODES.numberNode(3.5),
                                            NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(40))))
                                    .get(random.nextInt(3));
                case BOOLEAN -> NODES.booleanNode(true);
                case NUL_STRING -> NODES.textNode(NUL_TEXT);
                case HUGE_STRING -> NODES.textNode(HUGE_TEXT);
                case EMPTY_STRING -> NODES.textNode("");
                case MISSING -> null;
            };
        }

        String text() {
            return switch (this) {
                case OBJECT -> "{}";
                case ARRAY -> "[]";
                case NULL -> "null";
                case NUMBER -> "42";
                case BOOLEAN -> "true";
                case NUL_STRING -> NUL_TEXT;
                case HUGE_STRING -> HUGE_TEXT;
                case EMPTY_STRING -> "";
                case MISSING -> null;
            };
        }
    }

    private JsonMutations() {}

    /** Each field and item, however deep, as every kind of value and as missing. */
    public static List<Mutant> everyField(String json) {
        return everyField(json, "");
    }

    /** Each field and item under {@code under} (a JSON pointer such as {@code /event}), and that itself. */
    public static List<Mutant> everyField(String json, String under) {
        JsonNode original = read(json);
        List<Mutant> out = new ArrayList<>();
        for (JsonPointer path : paths(original)) {
            if (!(path.toString() + "/").startsWith(under + "/")) {
                continue;
            }
            for (Kind kind : Kind.values()) {
                JsonNode copy = original.deepCopy();
                set(copy, path, kind.node(null));
                out.add(new Mutant(path + " <- " + kind, copy.toString()));
            }
        }
        return out;
    }

    /** {@code count} payloads with {@code fields} fields each changed to a kind picked at random from the seed. */
    public static List<Mutant> severalFields(String json, long seed, int count, int fields) {
        JsonNode original = read(json);
        List<JsonPointer> paths = paths(original);
        Random random = new Random(seed);
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode copy = original.deepCopy();
            List<String> what = new ArrayList<>();
            for (int f = 0; f < fields; f++) {
                JsonPointer path = paths.get(random.nextInt(paths.size()));
                Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                if (set(copy, path, kind.node(random))) {
                    what.add(path + " <- " + kind);
                }
            }
            out.add(new Mutant(String.join(", ", what), copy.toString()));
        }
        return out;
    }

    /**
     * A form's fields as every kind of value (as text: a form has nothing else) and as missing, then the form itself
     * broken: a field repeated, one not percent-encoded, one without a value.
     */
    public static List<Mutant> everyFormField(Map<String, String> fields) {
        List<Mutant> out = new ArrayList<>();
        for (String name : fields.keySet()) {
            for (Kind kind : Kind.values()) {
                Map<String, String> copy = new LinkedHashMap<>(fields);
                if (kind == Kind.MISSING) {
                    copy.remove(name);
                } else {
                    copy.put(name, kind.text());
                }
                out.add(new Mutant(name + " <- " + kind, form(copy)));
            }
        }
        String form = form(fields);
        String first = fields.keySet().iterator().next();
        out.add(new Mutant(first + " repeated", form + "&" + enc(first) + "=" + enc(fields.get(first))));
        out.add(new Mutant("a value not percent-encoded", form + "&note=%zz"));
        out.add(new Mutant("a field without a value", form + "&lonely"));
        out.add(new Mutant("a value with an equals sign", form + "&note=a=b"));
        return out;
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Bodies that are no payload at all, or nested deeper than any parser should follow. */
    public static List<Mutant> notPayloads() {
        return List.of(
                new Mutant("an empty object", "{}"),
                new Mutant("an array", "[]"),
                new Mutant("null", "null"),
                new Mutant("a number", "42"),
                new Mutant("a string", "\"" + MARKER + "\""),
                new Mutant("cut short", "{\"type\":"),
                new Mutant("deeply nested arrays", "[".repeat(100_000) + "]".repeat(100_000)),
                new Mutant("deeply nested objects", "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)),
                new Mutant("a NUL outside any string", "{\"type\":\u0000}"),
                new Mutant("whitespace", "   "));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** Every field and item, depth first: a container comes before what it holds. */
    private static List<JsonPointer> paths(JsonNode root) {
        List<JsonPointer> out = new ArrayList<>();
        collect(root, JsonPointer.empty(), out);
        return out;
    }

    private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> out) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonPointer child = at.append(
                        JsonPointer.compile("/" + name.replace("~", "~0").replace("/", "~1")));
                out.add(child);
                collect(node.get(name), child, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                out.add(child);
                collect(node.get(i), child, out);
            }
        }
    }

    /** Replaces (or with null, removes) what the path points at; false when an earlier change removed it. */
    private static boolean set(JsonNode root, JsonPointer path, JsonNode value) {
        JsonNode parent = root.at(path.head());
        String last = path.last().getMatchingProperty();
        if (parent instanceof ObjectNode object && object.has(last)) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
            return true;
        }
        if (parent instanceof ArrayNode array) {
            int index = path.last().getMatchingIndex();
            if (index >= 0 && index < array.size()) {
                if (value == null) {
                    array.remove(index);
                } else {
                    array.set(index, value);
                }
                return true;
            }
        }
        return false;
    }
}
