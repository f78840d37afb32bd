package dev.shakedown.stdlib.clock;

import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM for clock tests: prints {@code clock <System.currentTimeMillis()> <System.nanoTime()>} every
 * 100 ms, so a test can compare both clocks with its own.
 */
public final class ClockPrinter {
    public static void main(String[] args) throws InterruptedException {
        // Never outlive the test JVM that launched it, even if that JVM is killed.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        while (true) {
            System.out.println("clock " + System.currentTimeMillis() + " " + System.nanoTime());
            Thread.sleep(100);
        }
    }

    /** The command that launches it with this JVM and the test classes. */
    static List<String> command() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(ClockPrinter.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classes,
                ClockPrinter.class.getName());
    }
}
