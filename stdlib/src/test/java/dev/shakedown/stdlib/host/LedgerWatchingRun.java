package dev.shakedown.stdlib.host;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import dev.shakedown.stdlib.process.ProcessHandles;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link TestRun} that notes, at the moment each ledger record is written, which processes then carry
 * the record's token on their command line: a helper recorded before it exists has none.
 */
final class LedgerWatchingRun implements RunContext {
    record Written(String token, List<Long> processesWithToken) {}

    private final TestRun run;
    private final List<Written> written = new CopyOnWriteArrayList<>();

    LedgerWatchingRun(TestRun run) {
        this.run = run;
    }

    List<Written> written() {
        return List.copyOf(written);
    }

    @Override
    public long ledgerOpen(String what, UndoRecord undo) {
        String token = String.valueOf(undo.data().get("token"));
        List<Long> carriers = ProcessHandle.allProcesses()
                .filter(p -> ProcessHandles.commandLine(p).contains(token)).map(ProcessHandle::pid).toList();
        written.add(new Written(token, carriers));
        return run.ledgerOpen(what, undo);
    }

    @Override
    public void ledgerUndone(long seq) {
        run.ledgerUndone(seq);
    }

    @Override
    public ExperimentPlan plan() {
        return run.plan();
    }

    @Override
    public String runId() {
        return run.runId();
    }

    @Override
    public Path runDirectory() {
        return run.runDirectory();
    }

    @Override
    public Optional<Resource> resource(String name) {
        return run.resource(name);
    }

    @Override
    public void event(String kind, Map<String, Object> data) {
        run.event(kind, data);
    }
}
