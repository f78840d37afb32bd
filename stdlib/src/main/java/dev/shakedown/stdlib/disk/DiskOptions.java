package dev.shakedown.stdlib.disk;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.stdlib.Options;
import dev.shakedown.stdlib.process.LaunchOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    static DiskOptions from(FaultSpec spec) {
        if (!spec.args().isEmpty()) throw new DslException("disk takes only named options: disk(path: '/var/lib/x', fill: 95.percent)");
        Map<String, Object> o = spec.options();
        Options.requireKnown(o, NAMES, "disk");
        String path = Options.string(o, "path").orElseThrow(
                () -> new DslException("disk needs path: the filesystem holding it is filled, e.g. disk(path: '/var/lib/x', fill: 95.percent)"));
        Optional<Percent> fill = Options.percent(o, "fill", "disk");
        Optional<ByteSize> free = Options.size(o, "free", "disk");
        if (fill.isPresent() == free.isPresent()) {
            throw new DslException("disk needs exactly one of fill: (used share to reach, e.g. 95.percent) and free: (space to leave, e.g. 10.mb)");
        }
        fill.ifPresent(p -> {
            if (p.fraction() <= 0 || p.fraction() > 1) throw new DslException("disk fill: must be above 0% and at most 100%, not " + p);
        });
        ByteSize cap = Options.size(o, "maxBytes", "disk").orElse(DEFAULT_CAP);
        return new DiskOptions(path, fill, free, cap, Options.bool(o, "force", false), Options.bool(o, "dedicatedOnly", false));
    }

    /** The path with {@code ${runDir}} replaced by the run's directory. */
    Path resolve(Path runDirectory) {
        return Path.of(path.replace(LaunchOptions.RUN_DIR, runDirectory.toString())).toAbsolutePath().normalize();
    }

    String target() {
        return fill.map(p -> "until it is " + p + " used").orElseGet(() -> "until only " + free.get() + " is free");
    }
}
