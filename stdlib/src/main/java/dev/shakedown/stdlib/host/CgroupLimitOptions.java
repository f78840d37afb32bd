package dev.shakedown.stdlib.host;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.stdlib.Options;
import java.util.Set;

/** {@code memory(target: 'gateway', limit: 128.mb)} (or {@code memory('gateway', limit: 128.mb)}). */
record CgroupLimitOptions(String target, ByteSize limit) {
    private static final Set<String> NAMES = Set.of("target", "limit");

    /** True when the spec asks for a limit on a process rather than pressure on the host. */
    static boolean asked(FaultSpec spec) {
        return spec.target() != null || spec.options().containsKey("target") || spec.options().containsKey("limit");
    }

    static CgroupLimitOptions from(FaultSpec spec) {
        Options.requireKnown(spec.options(), NAMES, "memory(target:, limit:)");
        String target = Options.string(spec.options(), "target").orElse(spec.target());
        if (target == null) throw new DslException("memory(limit:) needs the process it limits: memory(target: 'gateway', limit: 128.mb)");
        ByteSize limit = Options.size(spec.options(), "limit", "memory").orElseThrow(() ->
                new DslException("memory(target: '" + target + "') needs limit:, e.g. memory(target: '" + target + "', limit: 128.mb)"));
        if (limit.bytes() < ByteSize.MB) throw new DslException("memory, option limit: at least 1 MB, not " + limit);
        return new CgroupLimitOptions(target, limit);
    }
}
