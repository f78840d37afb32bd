package dev.shakedown.stdlib.host;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a helper process: {@code --parent-pid}, {@code --parent-start} and {@code --token}
 * (which {@link HelperLauncher} always passes) and the helper's own {@code --name value} pairs.
 */
record HelperArguments(long parentPid, long parentStartMillis, String token, Map<String, String> values) {
    static final String PARENT_PID = "--parent-pid";
    static final String PARENT_START = "--parent-start";
    static final String TOKEN = "--token";

    static HelperArguments parse(String[] args) {
        if (args.length % 2 != 0) throw new IllegalArgumentException("arguments come in --name value pairs: " + List.of(args));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) values.put(args[i], args[i + 1]);
        return new HelperArguments(Long.parseLong(require(values, PARENT_PID)), Long.parseLong(require(values, PARENT_START)),
                require(values, TOKEN), Map.copyOf(values));
    }

    String value(String name) {
        return require(values, name);
    }

    private static String require(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) throw new IllegalArgumentException("missing " + name);
        return value;
    }
}
