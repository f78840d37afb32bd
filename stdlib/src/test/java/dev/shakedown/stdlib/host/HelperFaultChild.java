package dev.shakedown.stdlib.host;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in engine for the dead-man's-switch test: applies a cpu or memory fault, prints
 * {@code helper <pid>}, and then waits to be killed without ever rolling back.
 */
public final class HelperFaultChild {
    private HelperFaultChild() {}

    public static void main(String[] args) throws Exception {
        TestRun run = new TestRun(Path.of(args[0]));
        Fault fault = switch (args[1]) {
            case "cpu" -> new CpuInjector().prepare(HostFaultSpecs.cpu(Map.of("cores", 1, "load", "20%")), run);
            case "memory" -> new MemoryInjector().prepare(HostFaultSpecs.memory(Map.of("size", new ByteSize(64 * ByteSize.MB))), run);
            default -> throw new IllegalArgumentException("cpu or memory, not " + args[1]);
        };
        fault.apply();
        System.out.println("helper " + fault.details().get("helperPid"));
        System.out.flush();
        while (true) LockSupport.park();
    }
}
