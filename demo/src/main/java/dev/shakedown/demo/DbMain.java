package dev.shakedown.demo;

import java.util.Set;

/** {@code db} as a process: {@code --port N [--watch-parent]}; prints {@code ready <port>} once it listens. */
public final class DbMain {
    private DbMain() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parseOrExit(argv, "DbMain [--port N] [--watch-parent]", Set.of("port"), Set.of("watch-parent"));
        int port = args.orExit(Args::port);
        if (args.has("watch-parent")) ParentWatch.haltWhenParentDies();
        Db db = Db.start(port);
        // H2's TCP listener thread is not a daemon: the process serves until it is killed
        QuickExit.closeOnExit(db);
        System.out.println("ready " + db.port());
    }
}
