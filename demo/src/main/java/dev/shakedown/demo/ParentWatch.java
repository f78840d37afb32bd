package dev.shakedown.demo;

/**
 * {@code --watch-parent}: a demo process exits when the process that started it is gone, so that an engine
 * killed with SIGKILL (no shutdown hook runs) leaves no orphans holding ports for the next run.
 */
final class ParentWatch {
    static final long POLL_MILLIS = 200;

    private ParentWatch() {}

    /** Halts this JVM once its current parent dies. */
    static void haltWhenParentDies() {
        ProcessHandle parent = ProcessHandle.current().parent()
                .orElseThrow(() -> new IllegalStateException("--watch-parent: this process has no parent to watch"));
        watch(parent, () -> {
            System.err.println("parent process " + parent.pid() + " is gone, exiting");
            // halt, not exit: nothing may delay the exit of an orphan (shutdown hooks, non-daemon threads)
            Runtime.getRuntime().halt(0);
        });
    }

    /**
     * Runs {@code onGone} once {@code parent} is no longer alive. {@link ProcessHandle#isAlive()} compares the
     * process start time too, so a reused PID does not keep an orphan alive.
     */
    static Thread watch(ProcessHandle parent, Runnable onGone) {
        Thread watcher = new Thread(() -> {
            try {
                while (parent.isAlive()) Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            onGone.run();
        }, "parent-watch-" + parent.pid());
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
