package dev.shakedown.stdlib.clock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link ClockPrinter} printed, read from its log. Both processes read the same monotonic clock
 * (System.nanoTime is CLOCK_MONOTONIC, shared by every process on Linux), so the engine can tell what its own
 * wall clock said at the moment of each reading, and hence the child's skew, however late it reads the log.
 */
record ClockReadings(List<Reading> readings) {
    /** One line: the child's wall clock and monotonic clock at the same moment. */
    record Reading(long wallMillis, long nanoTime) {
        /** The child's wall clock minus the engine's wall clock at the same moment, in milliseconds. */
        long skewMillis(Anchor engine) {
            return wallMillis - engine.wallMillisAt(nanoTime);
        }
    }

    /** The engine's wall clock and monotonic clock read together. */
    record Anchor(long wallMillis, long nanoTime) {
        static Anchor now() {
            long before = System.nanoTime();
            long wall = System.currentTimeMillis();
            long after = System.nanoTime();
            return new Anchor(wall, before + (after - before) / 2);
        }

        long wallMillisAt(long otherNanoTime) {
            return wallMillis + Math.round((otherNanoTime - nanoTime) / 1e6);
        }
    }

    static ClockReadings of(Path log) throws IOException {
        String text = Files.readString(log);
        // The last line may be half written; only whole lines count.
        String whole = text.substring(0, text.lastIndexOf('\n') + 1);
        return new ClockReadings(whole.lines().filter(l -> l.startsWith("clock ")).map(l -> {
            String[] parts = l.split(" ");
            return new Reading(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }).toList());
    }

    /** The readings taken at or after the given moment of the monotonic clock. */
    List<Reading> since(long nanoTime) {
        return readings.stream().filter(r -> r.nanoTime() >= nanoTime).toList();
    }
}
