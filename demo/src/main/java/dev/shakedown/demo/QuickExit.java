package dev.shakedown.demo;

/**
 * Lets a JVM that is exiting do so at once. HotSpot's exit waits up to 300 ms for every thread that is
 * blocked in native code (an accept, an epoll wait) before it ends the process: a service that does not
 * stop such threads first takes a third of a second to die on SIGTERM or {@code System.exit}, and a chaos
 * run that ends by a signal waits for its own exit and for every process it launched.
 */
public final class QuickExit {
    private QuickExit() {}

    /**
     * Ends the selector thread of every {@link java.net.http.HttpClient} in this JVM. Before JDK 21 a client
     * cannot be closed, and its selector thread waits in epoll for as long as the client is referenced;
     * an interrupt ends that thread's loop, which then closes the client's connections.
     */
    public static void endHttpClientSelectors() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.getName().startsWith("HttpClient-") || !thread.getName().endsWith("-SelectorManager")) continue;
            thread.interrupt();
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * On SIGTERM or SIGINT (any orderly exit) closes {@code service}, so that its server threads leave their
     * native waits, then ends the HTTP client selectors; prints {@code stopped} once done.
     */
    static void closeOnExit(AutoCloseable service) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("closing on exit failed: " + e);
            }
            endHttpClientSelectors();
            System.out.println("stopped");
        }, "close-on-exit"));
    }
}
