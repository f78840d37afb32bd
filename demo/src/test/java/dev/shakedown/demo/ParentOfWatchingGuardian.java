package dev.shakedown.demo;

import java.util.List;

/**
 * A stand-in for the engine in {@link ProcessesTest}: starts {@code GuardianMain --watch-parent}, prints its pid, passes
 * on its output and waits. The test SIGKILLs this process and expects the guardian to follow it.
 */
public final class ParentOfWatchingGuardian {
    private ParentOfWatchingGuardian() {}

    public static void main(String[] args) throws Exception {
        Process guardian = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), GuardianMain.class.getName(), "--port", "0", "--watch-parent"))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        System.out.println("child " + guardian.pid());
        guardian.waitFor();
    }
}
