package dev.shakedown.cli;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ScheduleSpec;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.reports.Style;
import dev.shakedown.schedule.FiringHistory;
import dev.shakedown.schedule.JobStore;
import dev.shakedown.schedule.ScenarioGuard;
import dev.shakedown.schedule.ScheduleDaemon;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Run the experiments of scripts on their schedules, until stopped: durable (a restart keeps "
                + "the schedules and their missed firings), time-zone aware, quiet during blackouts.")
final class ScheduleCommand implements Callable<Integer> {
    private static final int SHOWN_FIRE_TIMES = 3;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z (EEE)");

    @Parameters(arity = "1..*", paramLabel = "SCRIPT|DIR", description = "scripts, or folders of *.chaos.groovy scripts")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--store", paramLabel = "URL", description = "the Quartz job store: jdbc:postgresql://... runs "
            + "clustered with every node on that store (user and password in the URL or SHAKEDOWN_STORE_USER and "
            + "SHAKEDOWN_STORE_PASSWORD); default: an H2 file under --state")
    String store;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "artifacts",
            description = "evidence: the latest per component, and history/ (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".shakedown",
            description = "ledger, per-run logs and the default store (default: ${DEFAULT-VALUE})")
    Path state;

    @Option(names = "--list", description = "print each schedule with its next fire times and exit")
    boolean list;

    @Option(names = "--debug", description = "show stack traces of internal errors")
    boolean debug;

    @Option(names = "--no-color", description = "plain output (also when NO_COLOR is set or output is not a terminal)")
    boolean noColor;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = Redacting.wrap(spec.commandLine().getErr());
        PrintWriter console = Redacting.wrap(spec.commandLine().getOut());
        Registry registry = Registry.fromClasspath();
        Optional<Map<Path, ExperimentPlan>> plans = compileAll(registry, err);
        if (plans.isEmpty()) return Main.SCRIPT_ERROR;
        if (list) {
            printSchedules(plans.get(), console);
            return 0;
        }
        JobStore jobStore;
        try {
            jobStore = store == null ? JobStore.embedded(state) : JobStore.of(store);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.SCRIPT_ERROR;
        }
        ScheduledExperiments experiments = new ScheduledExperiments(registry, ScenarioGuard.on(jobStore), state, Style.detect(noColor), console, err, debug);
        // What an engine that died on this host left in effect is undone before the first firing adds faults of its own.
        try (RunLock lock = RunLock.acquire(state, plans.get().keySet().iterator().next(), true, err)) {
            experiments.replayHost();
        }
        ScheduleDaemon daemon;
        try {
            daemon = ScheduleDaemon.open(jobStore, experiments, new FiringHistory(out), console);
        } catch (Exception e) {
            err.println("--store: cannot open the schedule store " + jobStore.shown() + ": " + firstLine(e));
            if (debug) e.printStackTrace(err);
            return Main.SCRIPT_ERROR;
        }
        return serve(daemon, plans.get(), jobStore, registry, console, err);
    }

    private int serve(ScheduleDaemon daemon, Map<Path, ExperimentPlan> plans, JobStore jobStore, Registry registry,
                      PrintWriter console, PrintWriter err) throws Exception {
        CompletableFuture<String> stop = new CompletableFuture<>();
        for (String name : List.of("TERM", "INT")) Signal.handle(new Signal(name), s -> stop.complete("SIG" + name));
        for (Map.Entry<Path, ExperimentPlan> e : plans.entrySet()) {
            daemon.register(e.getKey(), e.getValue().schedules()).forEach(line -> console.println(e.getKey() + ": " + line));
        }
        printSchedules(plans, console);
        String reason;
        try (ScriptRereader rereader = new ScriptRereader(paths, plans.keySet(), script -> compile(script, registry, err, debug),
                daemon, console, err)) {
            Signal.handle(new Signal("HUP"), s -> rereader.request("SIGHUP"));
            daemon.start();
            console.println("scheduler running on " + jobStore.shown() + (jobStore.clustered() ? " (clustered, node " + daemon.node() + ")" : "")
                    + "; evidence under " + out + "; SIGHUP or a change to a script re-reads the scripts; SIGTERM stops it");
            console.flush();
            reason = stop.get();
        }
        console.println(reason + ": stopping; a running experiment rolls back and writes its evidence first");
        console.flush();
        daemon.stop(reason);
        console.println("scheduler stopped");
        console.flush();
        return 0;
    }

    private void printSchedules(Map<Path, ExperimentPlan> plans, PrintWriter console) {
        for (Map.Entry<Path, ExperimentPlan> e : plans.entrySet()) {
            for (ScheduleSpec s : e.getValue().schedules()) {
                console.println("schedule " + s.describe() + "  " + s.source());
                List<ZonedDateTime> next = ScheduleDaemon.nextFireTimes(s, SHOWN_FIRE_TIMES);
                if (next.isEmpty()) console.println("  never fires again");
                next.forEach(t -> console.println("  next " + TIME.format(t)));
            }
        }
        console.flush();
    }

    /** Every script compiled and checked; empty (each mistake printed) when one has a mistake or none schedules anything. */
    private Optional<Map<Path, ExperimentPlan>> compileAll(Registry registry, PrintWriter err) throws IOException {
        List<Path> scripts = ScriptRereader.scriptsOf(paths);
        Map<Path, ExperimentPlan> plans = new LinkedHashMap<>();
        boolean ok = true;
        for (Path script : scripts) {
            Optional<ExperimentPlan> plan = compile(script, registry, err, debug);
            plan.ifPresent(p -> plans.put(script, p));
            ok &= plan.isPresent();
        }
        if (!ok) return Optional.empty();
        if (plans.values().stream().allMatch(p -> p.schedules().isEmpty())) {
            err.println(String.join(", ", paths.stream().map(Path::toString).toList()) + ": no schedule to run; declare one: "
                    + "schedule 'scenario', cron: '0 0 3 * * ?'");
            return Optional.empty();
        }
        return Optional.of(plans);
    }

    /** Compiles and validates one script as {@code run} does, printing its mistakes. Shared with the firings. */
    static Optional<ExperimentPlan> compile(Path script, Registry registry, PrintWriter err, boolean debug) {
        ScriptOptions options = new ScriptOptions();
        options.script = script;
        options.debug = debug;
        return options.compile(registry, err);
    }

    private static String firstLine(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
