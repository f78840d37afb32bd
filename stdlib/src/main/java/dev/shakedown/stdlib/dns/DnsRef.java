package dev.shakedown.stdlib.dns;

/**
 * The run's DNS server as a script sees it ({@code dns.address}), known while the plan is built because its
 * port is chosen then. Its {@code toString()} is its address, so {@code "--dns=${dns}"} reads naturally.
 */
public final class DnsRef {
    private final DnsOptions options;

    DnsRef(DnsOptions options) {
        this.options = options;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String getAddress() {
        return options.address();
    }

    public String getHost() {
        return DnsOptions.HOST;
    }

    public int getPort() {
        return options.port();
    }

    @Override
    public String toString() {
        return getAddress();
    }
}
