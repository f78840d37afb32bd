package dev.shakedown.stdlib.process;

import dev.shakedown.dsl.DslException;
import dev.shakedown.stdlib.Options;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Which running process to attach to: {@code match} (a regex over command lines) or {@code pidFile}. */
public record AttachOptions(Optional<Pattern> match, Optional<Path> pidFile, boolean all) {
    private static final Set<String> NAMES = Set.of("match", "pidFile", "all");

    public static AttachOptions from(Map<String, Object> options, String what) {
        Options.requireKnown(options, NAMES, what);
        Optional<Pattern> match = Options.string(options, "match").map(AttachOptions::pattern);
        Optional<Path> pidFile = Options.string(options, "pidFile").map(Path::of);
        if (match.isPresent() == pidFile.isPresent()) {
            throw new DslException(what + " needs exactly one of match: (a regex over command lines) or pidFile:");
        }
        boolean all = Options.bool(options, "all", false);
        if (all && pidFile.isPresent()) throw new DslException("option all: works with match:, not with pidFile:");
        return new AttachOptions(match, pidFile, all);
    }

    public String describe() {
        return match.map(m -> "the " + (all ? "processes" : "process") + " whose command line matches /" + m + "/")
                .orElseGet(() -> "the process whose PID is in " + pidFile.orElseThrow());
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new DslException("option match: '" + regex + "' is not a regular expression: " + e.getDescription());
        }
    }
}
