package dev.shakedown.stdlib.process;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.spi.Probe;
import dev.shakedown.stdlib.CommandLines;
import dev.shakedown.stdlib.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * How to launch a process and when it counts as ready: {@code command}, {@code port}, {@code ready},
 * {@code env}, {@code dir}, {@code mkdirs} (directories the process expects, created before every launch),
 * {@code startupTimeout}, {@code hostsFile} (a JVM resolves host names only from the script's {@code dns}
 * records, through {@code -Djdk.net.hosts.file}, so {@code dnsFailure} reaches it without a code change).
 */
public record LaunchOptions(
        List<String> command,
        Map<String, String> env,
        Optional<Path> directory,
        List<Path> mkdirs,
        OptionalInt port,
        Optional<Probe> ready,
        Duration startupTimeout,
        boolean hostsFile) {

    private static final Set<String> NAMES = Set.of("command", "port", "ready", "env", "dir", "mkdirs", "startupTimeout", "hostsFile");
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);
    /** Stands for the run's directory in command arguments, environment values, {@code dir} and {@code mkdirs}. */
    public static final String RUN_DIR = "${runDir}";

    public LaunchOptions {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        mkdirs = List.copyOf(mkdirs);
    }

    public static LaunchOptions from(Map<String, Object> options, String what) {
        Options.requireKnown(options, NAMES, what);
        Duration timeout = Options.duration(options, "startupTimeout").orElse(DEFAULT_STARTUP_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) throw new DslException("option startupTimeout must be above zero");
        return new LaunchOptions(
                command(options.get("command")),
                env(options.get("env")),
                Options.string(options, "dir").map(Path::of),
                mkdirs(options.get("mkdirs")),
                Options.port(options, "port"),
                Optional.ofNullable(options.get("ready")).map(LaunchOptions::probe),
                timeout,
                Options.bool(options, "hostsFile", false));
    }

    /** The same options with {@value #RUN_DIR} replaced by the run's directory. */
    public LaunchOptions inRunDirectory(Path runDirectory) {
        UnaryOperator<String> resolve = text -> text.replace(RUN_DIR, runDirectory.toString());
        UnaryOperator<Path> resolvePath = path -> Path.of(resolve.apply(path.toString()));
        Map<String, String> resolvedEnv = new LinkedHashMap<>();
        env.forEach((name, value) -> resolvedEnv.put(name, resolve.apply(value)));
        return new LaunchOptions(
                command.stream().map(resolve).toList(),
                resolvedEnv,
                directory.map(resolvePath),
                mkdirs.stream().map(resolvePath).toList(),
                port,
                ready,
                startupTimeout,
                hostsFile);
    }

    public String commandLine() {
        return String.join(" ", command);
    }

    private static List<String> command(Object value) {
        if (value == null) {
            throw new DslException("option command is missing: give command: [...] to launch the process, "
                    + "or match: / pidFile: to attach to a running one");
        }
        try {
            return CommandLines.words(value);
        } catch (IllegalArgumentException e) {
            throw new DslException("option command: " + e.getMessage());
        }
    }

    private static List<Path> mkdirs(Object value) {
        if (value == null) return List.of();
        if (!(value instanceof List<?> list)) throw new DslException("option mkdirs: give a list of directories, not " + value);
        return list.stream().map(d -> Path.of(String.valueOf(d))).toList();
    }

    private static Map<String, String> env(Object value) {
        if (value == null) return Map.of();
        if (!(value instanceof Map<?, ?> map)) throw new DslException("option env: give a map [NAME: 'value'], not " + value);
        Map<String, String> env = new LinkedHashMap<>();
        map.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        env.values().forEach(dev.shakedown.engine.evidence.Secrets::register);
        return env;
    }

    /** A Groovy closure arrives as a {@link Callable}; it must answer {@code true} for the process to be ready. */
    private static Probe probe(Object value) {
        if (value instanceof Probe probe) return probe;
        if (value instanceof Callable<?> callable) return () -> Boolean.TRUE.equals(callable.call());
        throw new DslException("option ready: give a condition closure { ... }, not " + value);
    }
}
