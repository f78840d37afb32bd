package dev.shakedown.bench;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.disk.DiskInjector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Time to fill 64 MiB and 1 GiB: the {@code disk} fault (prepare = statvfs and the checks, apply = the
 * allocation) against {@code fallocate -l N FILE} (util-linux, a new process each time), taken in turn
 * on the same directory. Usage: DiskBench DIR [ROUNDS]; DIR needs a little over 1 GiB free.
 */
public final class DiskBench {
    private static final DiskInjector DISK = new DiskInjector();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        DISK.warmUp(); // as the engine does at the start of a run
        BenchRun run = new BenchRun(dir);
        System.out.println("filesystem: " + Files.getFileStore(dir) + ", " + rounds + " rounds after one warm-up round");
        for (long size : List.of(64 * ByteSize.MB, ByteSize.GB)) {
            List<Double> setup = new ArrayList<>(), apply = new ArrayList<>(), rollback = new ArrayList<>(), tool = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                double[] shakedown = fillWithShakedown(dir, size, run);
                double command = fillWithCommand(dir, size);
                if (round == 0) continue; // warm-up: page cache, JIT
                setup.add(shakedown[0]);
                apply.add(shakedown[1]);
                rollback.add(shakedown[2]);
                tool.add(command);
            }
            String what = new ByteSize(size).toString();
            System.out.println(what + " disk fault setup (prepare):   " + Stats.of(setup).format("ms"));
            System.out.println(what + " disk fault fill (apply):      " + Stats.of(apply).format("ms"));
            System.out.println(what + " disk fault rollback:          " + Stats.of(rollback).format("ms"));
            System.out.println(what + " fallocate -l command:         " + Stats.of(tool).format("ms"));
        }
    }

    /** Milliseconds of prepare, apply and rollback for a fill of exactly {@code size} bytes. */
    private static double[] fillWithShakedown(Path dir, long size, BenchRun run) throws Exception {
        long free = Files.getFileStore(dir).getUnallocatedSpace() - size;
        FaultSpec spec = new FaultSpec("disk", List.of(),
                Map.of("path", dir.toString(), "free", new ByteSize(free), "force", true), SourceRef.UNKNOWN);
        long t0 = System.nanoTime();
        Fault fault = DISK.prepare(spec, run);
        long t1 = System.nanoTime();
        fault.apply();
        long t2 = System.nanoTime();
        fault.rollback();
        long t3 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6};
    }

    private static double fillWithCommand(Path dir, long size) throws Exception {
        Path file = dir.resolve(".bench-fallocate");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("fallocate", "-l", Long.toString(size), file.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException("fallocate failed");
        long t1 = System.nanoTime();
        Files.delete(file);
        return (t1 - t0) / 1e6;
    }
}
