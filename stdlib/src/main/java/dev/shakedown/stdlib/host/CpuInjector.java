package dev.shakedown.stdlib.host;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cpu(cores: 2, load: 80.percent, nice: 0)}: burns CPU in a helper process (never in the engine),
 * {@code cores} threads at {@code load} each; rollback kills the helper.
 */
public final class CpuInjector implements Injector {
    /** A JVM starts in well under a second even on a loaded host; this only catches a helper that hangs. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String summary() {
        return "burn CPU in a helper process: cpu(cores: 2, load: 80.percent, nice: 0); recover stops it";
    }

    @Override
    public List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        if (!spec.args().isEmpty()) return List.of("cpu takes only named options: cpu(cores: 2, load: 80.percent)");
        try {
            CpuOptions.from(spec.options());
            return List.of();
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public String describe(FaultSpec spec) {
        CpuOptions options = CpuOptions.from(spec.options());
        return "burn " + options.load() + " of " + options.coresText() + " in a helper process"
                + (options.nice() > 0 ? " at nice " + options.nice() : "") + " (recover stops it)";
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext run) {
        CpuOptions options = CpuOptions.from(spec.options());
        List<String> prefix = options.nice() > 0 ? List.of("nice", "-n", String.valueOf(options.nice())) : List.of();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("cores", options.cores());
        details.put("load", options.load().toString());
        details.put("nice", options.nice());
        return new HelperFault(run, "cpu burner", CpuBurnerMain.class, prefix, List.of(),
                List.of(CpuBurnerMain.CORES, String.valueOf(options.cores()), CpuBurnerMain.LOAD, String.valueOf(options.load().fraction())),
                CpuBurnerMain.READY::equals, START_TIMEOUT, details);
    }
}
