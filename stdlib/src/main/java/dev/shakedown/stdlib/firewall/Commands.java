package dev.shakedown.stdlib.firewall;

import dev.shakedown.engine.plan.Durations;
import dev.shakedown.stdlib.CommandLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs the firewall tools, each with a timeout, optionally inside a network namespace
 * ({@code ip netns exec NAME ...}). Commands are written with the tools' plain names; {@code programs}
 * maps a name to another binary, which is how tests make a tool missing.
 */
final class Commands {
    static final Commands SYSTEM = new Commands(Map.of());

    /** iptables waits up to 5 s for the xtables lock ({@code -w 5}); the rest is for a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern NEEDS_NO_QUOTES = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    /** How a command ended; a command that could not be started or overran its timeout has exit code -1. */
    record Result(String command, int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }

        /** {@code "'iptables -S' failed (exit 4): iptables: Permission denied"}, for error messages. */
        String failure() {
            String why = stderr.isBlank() ? stdout.strip() : stderr.strip();
            return "'" + command + "' failed" + (exitCode >= 0 ? " (exit " + exitCode + ")" : "")
                    + (why.isEmpty() ? "" : ": " + why);
        }
    }

    private final Map<String, String> programs;

    Commands(Map<String, String> programs) {
        this.programs = Map.copyOf(programs);
    }

    Result run(Optional<String> netns, List<String> command) {
        String shown = display(netns, command);
        List<String> resolved = new ArrayList<>();
        netns.ifPresent(name -> resolved.addAll(List.of(program("ip"), "netns", "exec", name)));
        resolved.add(program(command.get(0)));
        resolved.addAll(command.subList(1, command.size()));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(TIMEOUT).get();
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(out, err)).get();
        executor.setWatchdog(watchdog);
        executor.setExitValues(null); // a failing tool is reported with its stderr, not as an exception
        try {
            int code = executor.execute(CommandLines.toCommandLine(resolved));
            if (watchdog.killedProcess()) return new Result(shown, -1, "", "did not finish within " + Durations.format(TIMEOUT));
            return new Result(shown, code, out.toString(Charset.defaultCharset()), err.toString(Charset.defaultCharset()));
        } catch (IOException e) {
            return new Result(shown, -1, "", "could not be run: " + e.getMessage());
        }
    }

    /** Runs the command and returns its output; throws with the tool's own message when it fails. */
    String check(Optional<String> netns, List<String> command) {
        Result result = run(netns, command);
        if (!result.ok()) throw new IllegalStateException(result.failure());
        return result.stdout();
    }

    /** Whether {@code ip netns list} shows the namespace; throws if it cannot be read. */
    boolean namespaceExists(String name) {
        return check(Optional.empty(), List.of("ip", "netns", "list")).lines()
                .map(line -> line.split(" ", 2)[0]) // "name (id: 3)"
                .anyMatch(name::equals);
    }

    /** The command as a person would type it into a shell. */
    static String display(Optional<String> netns, List<String> command) {
        String prefix = netns.map(name -> "ip netns exec " + quote(name) + " ").orElse("");
        return prefix + command.stream().map(Commands::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        return NEEDS_NO_QUOTES.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private String program(String name) {
        return programs.getOrDefault(name, name);
    }
}
