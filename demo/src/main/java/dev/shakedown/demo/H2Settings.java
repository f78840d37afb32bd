package dev.shakedown.demo;

/**
 * H2 reads its tuning from system properties once per JVM, when its classes first load, so every entry point
 * that touches H2 applies these before anything else. A value the user already set on the command line wins.
 */
final class H2Settings {
    private H2Settings() {}

    static void apply() {
        // the demo db listens on loopback only; chaos links in front of it are the way in
        setIfAbsent("h2.bindAddress", "127.0.0.1");
        // a client gives up connecting after 250 ms (default 2 s) ...
        setIfAbsent("h2.socketConnectTimeout", "250");
        // ... and does not retry a refused connection (default: up to 16 times), so a db that is down is
        // reported at once instead of after a retry loop that would blur the fail-closed activation time
        setIfAbsent("h2.socketConnectRetry", "0");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
