package dev.shakedown.stdlib.host;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.stdlib.Options;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code memory(size: 2.gb)} or {@code memory(fill: 85.percent)}, with {@code rate:} (default 1 GB per
 * second: fast, yet a ramp the system under test can be seen reacting to), {@code ramp: false} (all at
 * once) and {@code force: true} (past the safety cap).
 */
record MemoryOptions(Optional<ByteSize> size, Optional<Percent> fill, ByteRate rate, boolean ramp, boolean force) {
    static final ByteRate DEFAULT_RATE = new ByteRate(ByteSize.GB);
    private static final Set<String> NAMES = Set.of("size", "fill", "rate", "ramp", "force");

    static MemoryOptions from(Map<String, Object> options) {
        Options.requireKnown(options, NAMES, "memory");
        Optional<ByteSize> size = Options.size(options, "size", "memory");
        Optional<Percent> fill = Options.percent(options, "fill", "memory");
        if (size.isPresent() == fill.isPresent()) {
            throw new DslException("memory needs either size: (memory(size: 2.gb)) or fill: (memory(fill: 85.percent)), not "
                    + (size.isPresent() ? "both" : "neither"));
        }
        if (size.isPresent() && size.get().bytes() == 0) throw new DslException("memory, option size: above 0, not " + size.get());
        if (fill.isPresent() && !(fill.get().fraction() > 0 && fill.get().fraction() < 1)) {
            throw new DslException("memory, option fill: a share of host memory between 0 and 100 %, not " + fill.get());
        }
        return new MemoryOptions(size, fill, Options.rate(options, "rate", "memory").orElse(DEFAULT_RATE),
                Options.bool(options, "ramp", true), Options.bool(options, "force", false));
    }

    /** How the script asked, for messages: {@code memory(size: 2 GB)}. */
    String asked() {
        return "memory(" + size.map(s -> "size: " + s).orElseGet(() -> "fill: " + fill.orElseThrow()) + ")";
    }

    String rateText() {
        return ramp ? "ramping at " + new ByteSize((long) rate.bytesPerSecond()) + "/s" : "all at once";
    }
}
