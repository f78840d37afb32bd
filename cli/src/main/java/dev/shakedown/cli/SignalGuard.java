package dev.shakedown.cli;

import dev.shakedown.engine.run.ExperimentRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM end the run early instead of killing the JVM: the run rolls back every fault,
 * writes its evidence and exits 3. A second signal does not abandon the rollback; it says it is running.
 * (A JVM shutdown hook in the engine still covers exits this guard does not see.)
 */
final class SignalGuard implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    SignalGuard(ExperimentRunner runner, PrintWriter err) {
        for (String name : List.of("INT", "TERM")) {
            Signal signal = new Signal(name);
            try {
                previous.add(Signal.handle(signal, s -> {
                    if (runner.isInterruptRequested()) {
                        err.println("SIG" + name + ": rollback is still running; it will finish, write the evidence "
                                + "and exit on its own");
                    } else {
                        err.println("SIG" + name + ": stopping, rolling back every fault...");
                        runner.interrupt("SIG" + name);
                    }
                    err.flush();
                }));
                signals.add(signal);
            } catch (IllegalArgumentException unavailable) {
                // The signal is reserved here; the engine's shutdown hook still rolls back on exit.
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) Signal.handle(signals.get(i), previous.get(i));
    }
}
