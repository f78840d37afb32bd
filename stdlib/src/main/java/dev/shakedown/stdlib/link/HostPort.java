package dev.shakedown.stdlib.link;

import java.net.InetSocketAddress;

/** A TCP address as scripts write it: {@code '127.0.0.1:5432'}, {@code '[::1]:5432'}, or a bare port on loopback. */
record HostPort(String host, int port) {
    static final String LOOPBACK = "127.0.0.1";

    /**
     * Parses {@code value}; a bare number is a port on {@value #LOOPBACK}. Port 0 is allowed only where
     * {@code zeroAllowed} (a listen address, where it means "pick a free port").
     */
    static HostPort parse(Object value, boolean zeroAllowed) {
        String text = String.valueOf(value).trim();
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : text.substring(0, colon).replace("[", "").replace("]", "");
        int port = portNumber(colon < 0 ? text : text.substring(colon + 1));
        if (host.isEmpty() || port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw new IllegalArgumentException("'" + text + "' is not host:port (port " + (zeroAllowed ? 0 : 1)
                    + "-65535), e.g. '127.0.0.1:5432'");
        }
        return new HostPort(host, port);
    }

    private static int portNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    HostPort withPort(int newPort) {
        return new HostPort(host, newPort);
    }

    /** Resolves the host name now (at start, not at build time: a plan says what, not where it resolved to). */
    InetSocketAddress resolve() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
