package dev.shakedown.stdlib.host;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.stdlib.Options;
import java.util.Map;
import java.util.Set;

/** {@code cpu(cores: 2 | 'all', load: 80.percent, nice: 0)}; defaults: all cores, 100 %, nice 0. */
record CpuOptions(int cores, boolean allCores, Percent load, int nice) {
    private static final Set<String> NAMES = Set.of("cores", "load", "nice");

    static CpuOptions from(Map<String, Object> options) {
        Options.requireKnown(options, NAMES, "cpu");
        Object coresValue = options.get("cores");
        boolean all = coresValue == null || "all".equals(coresValue.toString().trim());
        int available = Runtime.getRuntime().availableProcessors();
        int cores = all ? available : Options.integer(options, "cores", "cpu").orElseThrow();
        if (cores < 1) throw new DslException("cpu, option cores: at least 1 (or 'all'), not " + cores);
        Percent load = Options.percent(options, "load", "cpu").orElse(Percent.of(100));
        if (!(load.fraction() > 0 && load.fraction() <= 1)) {
            throw new DslException("cpu, option load: a share of each core above 0 and at most 100 %, not " + load);
        }
        int nice = Options.integer(options, "nice", "cpu").orElse(0);
        if (nice < 0 || nice > 19) throw new DslException("cpu, option nice: 0 to 19 (a burner never outranks the system), not " + nice);
        return new CpuOptions(cores, all, load, nice);
    }

    String coresText() {
        return allCores ? "all " + cores + " cores" : cores + (cores == 1 ? " core" : " cores");
    }
}
