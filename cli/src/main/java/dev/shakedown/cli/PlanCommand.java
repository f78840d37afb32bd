package dev.shakedown.cli;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.reports.Style;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Compile and check an experiment and print its plan; starts and injects nothing.")
final class PlanCommand implements Callable<Integer> {
    @Mixin ScriptOptions script;

    @Option(names = "--json", description = "print the plan as JSON")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Registry registry = Registry.fromClasspath();
        ExperimentPlan plan = script.compile(registry, spec.commandLine().getErr()).orElse(null);
        if (plan == null) return Main.SCRIPT_ERROR;
        PlanPrinter printer = new PlanPrinter(spec.commandLine().getOut(), Style.detect(script.noColor), registry);
        if (json) printer.printJson(plan);
        else printer.print(plan, false);
        return 0;
    }
}
