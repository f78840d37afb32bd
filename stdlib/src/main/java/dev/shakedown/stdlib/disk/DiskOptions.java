package dev.shakedown.stdlib.disk;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.stdlib.Options;
import dev.shakedown.stdlib.process.LaunchOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of {@code disk(path: '/var/lib/x', fill: 95.percent)} or {@code disk(path:, free: 10.mb)}:
 * exactly one of {@code fill} (the used share to reach) and {@code free} (the space to leave); {@code maxBytes}
 * (default 1 GB) caps the fill unless {@code force: true}; {@code dedicatedOnly: true} fills only a filesystem
 * the run itself mounted. {@code path} may start with {@code ${runDir}}, resolved when the run runs.
 */
record DiskOptions(String path, Optional<Percent> fill, Optional<ByteSize> free, ByteSize maxBytes, boolean force,
                   boolean dedicatedOnly) {
    static final ByteSize DEFAULT_CAP = new ByteSize(ByteSize.GB);
    private static final Set<String> NAMES = Set.of("path", "fill", "free", "maxBytes", "force", "dedicatedOnly");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)?");
    private static final Pattern SHARE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%|percent)?");

    static DiskOptions from(FaultSpec spec) {
        if (!spec.args().isEmpty()) throw new DslException("disk takes only named options: disk(path: '/var/lib/x', fill: 95.percent)");
        Map<String, Object> o = spec.options();
        Options.requireKnown(o, NAMES, "disk");
        String path = Options.string(o, "path").orElseThrow(
                () -> new DslException("disk needs path: the filesystem holding it is filled, e.g. disk(path: '/var/lib/x', fill: 95.percent)"));
        Optional<Percent> fill = Optional.ofNullable(o.get("fill")).map(DiskOptions::percent);
        Optional<ByteSize> free = Optional.ofNullable(o.get("free")).map(v -> size("free", v));
        if (fill.isPresent() == free.isPresent()) {
            throw new DslException("disk needs exactly one of fill: (used share to reach, e.g. 95.percent) and free: (space to leave, e.g. 10.mb)");
        }
        fill.ifPresent(p -> {
            if (p.fraction() <= 0 || p.fraction() > 1) throw new DslException("disk fill: must be above 0% and at most 100%, not " + p);
        });
        ByteSize cap = Optional.ofNullable(o.get("maxBytes")).map(v -> size("maxBytes", v)).orElse(DEFAULT_CAP);
        return new DiskOptions(path, fill, free, cap, Options.bool(o, "force", false), Options.bool(o, "dedicatedOnly", false));
    }

    /** The path with {@code ${runDir}} replaced by the run's directory. */
    Path resolve(Path runDirectory) {
        return Path.of(path.replace(LaunchOptions.RUN_DIR, runDirectory.toString())).toAbsolutePath().normalize();
    }

    String target() {
        return fill.map(p -> "until it is " + p + " used").orElseGet(() -> "until only " + free.get() + " is free");
    }

    private static ByteSize size(String key, Object value) {
        if (value instanceof ByteSize b) return b;
        if (value instanceof Number n) return new ByteSize(n.longValue());
        Matcher m = SIZE.matcher(value.toString().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new DslException("disk " + key + ": '" + value + "' is not a size such as 10.mb");
        long unit = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kb" -> ByteSize.KB;
            case "mb" -> ByteSize.MB;
            case "gb" -> ByteSize.GB;
            default -> 1;
        };
        return new ByteSize((long) (Double.parseDouble(m.group(1)) * unit));
    }

    private static Percent percent(Object value) {
        if (value instanceof Percent p) return p;
        if (value instanceof Number n) return Percent.of(n.doubleValue());
        Matcher m = SHARE.matcher(value.toString().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new DslException("disk fill: '" + value + "' is not a share such as 95.percent");
        return Percent.of(Double.parseDouble(m.group(1)));
    }
}
