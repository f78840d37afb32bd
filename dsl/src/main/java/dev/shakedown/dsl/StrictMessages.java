package dev.shakedown.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groovy's static type checker speaks of itself ({@code [Static type checking] - }), of fully qualified
 * classes and of "declared types"; a script author reads plain sentences with the names the script uses.
 * The extension's own messages ({@link StrictTypes}) already are such sentences and only lose the prefix.
 */
final class StrictMessages {
    private static final String PREFIX = "[Static type checking] - ";
    /** {@code java.time.Duration} is {@code Duration}; {@code dev.shakedown.dsl.SloBuilder$Latency} is {@code Latency}. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+(?:[A-Z][\\w]*\\$)*([A-Z][\\w]*)");
    private static final Map<Pattern, String> SENTENCES = new LinkedHashMap<>();

    static {
        sentence("Cannot find matching method (\\S+)#(\\w+)\\((.*)\\)\\..*", "$1 has no method $2($3)");
        sentence("Cannot find matching constructor (\\S+)\\((.*)\\)\\..*", "$1 cannot be made from ($2)");
        sentence("No such property: (\\S+) for class: (\\S+)", "$2 has no property '$1'");
        sentence("The variable \\[(\\S+)\\] is undeclared\\.", "unknown variable '$1'");
        sentence("Cannot assign value of type (.+) to variable of type (.+)", "a variable of type $2 cannot hold a value of type $1");
        sentence("Cannot call (\\S+)#(\\w+)\\((.*)\\) with arguments \\[(.*)\\]", "$2 takes ($3), not ($4)");
        sentence("Cannot return value of type (.+) for (method|closure) expecting (.+)", "the $2 must give a value of type $3, not $1");
        sentence("Possible loss of precision from (\\S+) to (\\S+)", "a value of type $1 may not fit in a $2");
    }

    private StrictMessages() {}

    private static void sentence(String groovy, String plain) {
        SENTENCES.put(Pattern.compile(groovy), plain);
    }

    static String plain(String message) {
        String text = message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
        text = QUALIFIED.matcher(text).replaceAll("$1");
        for (Map.Entry<Pattern, String> sentence : SENTENCES.entrySet()) {
            Matcher matcher = sentence.getKey().matcher(text);
            if (matcher.matches()) return matcher.replaceFirst(sentence.getValue());
        }
        return text;
    }
}
