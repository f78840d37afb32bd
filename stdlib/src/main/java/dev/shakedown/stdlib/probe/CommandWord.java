package dev.shakedown.stdlib.probe;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import dev.shakedown.stdlib.CommandLines;
import dev.shakedown.stdlib.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The script word {@code command}: {@code command(['pg_isready', '-h', 'db'], timeout: 5.s).exitCode == 0}. */
public final class CommandWord implements DslWord {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "command";
    }

    @Override
    public String summary() {
        return "run a command as a check: command(['sh', '-c', '...']).exitCode, .output; option timeout (default 10s)";
    }

    @Override
    public Class<?> resultType() {
        return CommandCheck.class;
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        Options.requireKnown(named, Set.of("timeout"), "command");
        if (args.size() != 1) throw new DslException("command takes one command: command(['sh', '-c', 'exit 3']) or command('pg_isready -h db')");
        List<String> words;
        try {
            words = CommandLines.words(args.get(0));
        } catch (IllegalArgumentException e) {
            throw new DslException("command: " + e.getMessage());
        }
        return new CommandCheck(words, Options.duration(named, "timeout").orElse(DEFAULT_TIMEOUT));
    }
}
