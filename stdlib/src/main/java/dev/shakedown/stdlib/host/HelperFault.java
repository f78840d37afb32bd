package dev.shakedown.stdlib.host;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A fault that is a helper process: apply starts it and returns once it reports that it has reached its
 * goal; rollback kills it. The helper writes its own ledger record just before it starts (see
 * {@link HelperLauncher}), because only that record knows the token a replay finds it by.
 */
final class HelperFault implements Fault {
    private final RunContext run;
    private final String what;
    private final Class<?> main;
    private final List<String> prefix;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Predicate<String> goal;
    private final Duration timeout;
    private final Map<String, Object> details;
    private volatile Helper helper;

    HelperFault(RunContext run, String what, Class<?> main, List<String> prefix, List<String> jvmOptions,
                List<String> arguments, Predicate<String> goal, Duration timeout, Map<String, Object> details) {
        this.run = run;
        this.what = what;
        this.main = main;
        this.prefix = List.copyOf(prefix);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.goal = goal;
        this.timeout = timeout;
        this.details = new LinkedHashMap<>(details);
    }

    @Override
    public UndoRecord undoRecord() {
        return UndoRecord.nothing("the " + what + " gets its own ledger record (" + HelperLauncher.UNDO_ACTION
                + ") just before it starts");
    }

    @Override
    public void apply() throws Exception {
        Helper started = HelperLauncher.launch(run, what, main, prefix, jvmOptions, arguments);
        helper = started;
        synchronized (details) {
            details.put("helperPid", started.pid());
        }
        try {
            started.awaitLine(goal, timeout);
        } catch (Exception e) {
            started.stop(); // a helper that failed to get there must not keep pressing the host
            throw e;
        }
    }

    @Override
    public void rollback() throws InterruptedException {
        Helper started = helper;
        if (started != null) started.stop();
    }

    /** The running helper, or null before apply. */
    Helper helper() {
        return helper;
    }

    @Override
    public Map<String, Object> details() {
        synchronized (details) {
            return new LinkedHashMap<>(details);
        }
    }
}
