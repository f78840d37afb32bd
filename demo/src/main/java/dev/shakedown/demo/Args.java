package dev.shakedown.demo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code --flag value} and {@code --switch} command lines of the demo mains. A mistake is printed with the
 * usage and exits with 2 (the engine's code for a usage error): a demo process that guessed at its configuration
 * would make every experiment run against it lie.
 */
final class Args {
    private final Map<String, String> values;
    private final Set<String> switches;
    private final String usage;

    private Args(Map<String, String> values, Set<String> switches, String usage) {
        this.values = values;
        this.switches = switches;
        this.usage = usage;
    }

    static Args parseOrExit(String[] argv, String usage, Set<String> valueFlags, Set<String> switchFlags) {
        try {
            return parse(argv, usage, valueFlags, switchFlags);
        } catch (IllegalArgumentException e) {
            throw exit(usage, e);
        }
    }

    /** Reads settings out of these arguments, exiting with the usage if they are missing or malformed. */
    <T> T orExit(Function<Args, T> read) {
        try {
            return read.apply(this);
        } catch (IllegalArgumentException e) {
            throw exit(usage, e);
        }
    }

    // System.exit does not return; handing back the exception lets callers write "throw exit(...)"
    private static IllegalArgumentException exit(String usage, IllegalArgumentException e) {
        System.err.println(e.getMessage());
        System.err.println("usage: " + usage);
        System.exit(2);
        return e;
    }

    static Args parse(String[] argv, String usage, Set<String> valueFlags, Set<String> switchFlags) {
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name != null && switchFlags.contains(name)) {
                switches.add(name);
            } else if (name != null && valueFlags.contains(name)) {
                if (i + 1 >= argv.length) throw new IllegalArgumentException(arg + " needs a value");
                values.put(name, argv[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new Args(values, switches, usage);
    }

    String value(String flag) {
        String v = values.get(flag);
        if (v == null) throw new IllegalArgumentException("--" + flag + " is required");
        return v;
    }

    Optional<String> optional(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    int intValue(String flag, int fallback) {
        String v = values.get(flag);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " must be a whole number, not '" + v + "'");
        }
    }

    /** {@code --port}: 0 (the default) lets the system pick a free port, which the ready line then reports. */
    int port() {
        int port = intValue("port", 0);
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535, not " + port);
        return port;
    }

    boolean has(String switchFlag) {
        return switches.contains(switchFlag);
    }
}
