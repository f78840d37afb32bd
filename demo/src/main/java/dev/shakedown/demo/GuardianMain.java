package dev.shakedown.demo;

import java.util.Set;

/** {@code guardian} as a process: {@code --port N [--watch-parent]}; prints {@code ready <port>} once it listens. */
public final class GuardianMain {
    private GuardianMain() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parseOrExit(argv, "GuardianMain [--port N] [--watch-parent]",
                Set.of("port"), Set.of("watch-parent"));
        int port = args.orExit(Args::port);
        if (args.has("watch-parent")) ParentWatch.haltWhenParentDies();
        Guardian guardian = Guardian.start(port);
        // the HTTP server's threads are not daemons: the process serves until it is killed
        QuickExit.closeOnExit(guardian);
        System.out.println("ready " + guardian.port());
    }
}
