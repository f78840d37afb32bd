package dev.shakedown.cli;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.spi.UndoRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code heldRollback('DIR')}, a fault of the tests only (found by ServiceLoader on the test class path): its
 * rollback creates {@code DIR/rolling-back} and returns once {@code DIR/release} exists, so a test can act while
 * a rollback is certainly running, however fast real rollbacks are.
 */
public final class HeldRollbackInjector implements Injector {
    private static final long GIVE_UP_NANOS = 120_000_000_000L;

    @Override
    public String name() {
        return "heldRollback";
    }

    @Override
    public String summary() {
        return "does nothing; its rollback waits until the test releases it";
    }

    @Override
    public String describe(FaultSpec spec) {
        return "nothing; the rollback waits for " + spec.target() + "/release";
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext context) {
        Path dir = Path.of(spec.target());
        return new Fault() {
            @Override
            public UndoRecord undoRecord() {
                return UndoRecord.nothing("heldRollback changes nothing");
            }

            @Override
            public void apply() {}

            @Override
            public void rollback() throws Exception {
                Files.createFile(dir.resolve("rolling-back"));
                long deadline = System.nanoTime() + GIVE_UP_NANOS;
                while (!Files.exists(dir.resolve("release")) && System.nanoTime() < deadline) LockSupport.parkNanos(10_000_000);
            }

            @Override
            public Map<String, Object> details() {
                return Map.of("dir", dir.toString());
            }
        };
    }
}
