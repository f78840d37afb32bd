package dev.shakedown.engine.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Values that must never appear in evidence, plans or logs: the values of {@code --param}s whose name looks
 * secret (password, secret, token, key, credential, auth, private...) and every value of a process's
 * {@code env:} map. They are shown as {@value #MASK}. Values are remembered for this JVM when the script is
 * compiled, and masked wherever they occur in text written out, also inside longer strings (a URL with a
 * token in it); a value shorter than {@value #MIN_SUBSTRING} characters is masked only where it is a whole
 * value, so that masking "1" does not garble every number.
 */
public final class Secrets {
    public static final String MASK = "***";
    static final int MIN_SUBSTRING = 4;
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(pass(word|wd|phrase)?|secret|token|key|credential|auth|private|cert|pwd|session|cookie).*");
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    /** Whether a parameter or variable of this name holds a secret. */
    public static boolean looksSecret(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
    }

    /** Remembers a value to mask from now on (blank values are ignored). */
    public static void register(String value) {
        if (value != null && !value.isBlank() && !value.equals(MASK)) VALUES.add(value);
    }

    /** The parameters with each secret-looking one's value (and each registered value) masked. */
    public static Map<String, String> maskParams(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((name, value) -> out.put(name, looksSecret(name) ? MASK : redact(value)));
        return out;
    }

    /** A map of environment variables with every value masked; the names stay. */
    public static Map<String, String> maskValues(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((name, value) -> out.put(name, MASK));
        return out;
    }

    /** The text with every registered value replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || VALUES.isEmpty()) return text;
        String out = text;
        for (String value : VALUES) {
            if (out.equals(value)) return MASK;
            if (value.length() >= MIN_SUBSTRING && out.contains(value)) out = out.replace(value, MASK);
        }
        return out;
    }

    /** Masks every string (and field name) in a JSON tree, in place; returns the tree. */
    public static JsonNode redact(JsonNode node) {
        if (VALUES.isEmpty() || node == null) return node;
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            object.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
            object.removeAll();
            fields.forEach((name, value) -> object.set(redact(name), redactValue(value)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, redactValue(array.get(i)));
        }
        return node;
    }

    private static JsonNode redactValue(JsonNode value) {
        if (value.isString()) {
            String text = value.asString();
            String masked = redact(text);
            return masked.equals(text) ? value : StringNode.valueOf(masked);
        }
        return redact(value);
    }

    private Secrets() {}
}
