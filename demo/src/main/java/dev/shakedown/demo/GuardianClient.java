package dev.shakedown.demo;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's side of {@code GET /decide}: a decision, or the reason there is none. */
final class GuardianClient {
    /** A decision and the guardian's clock when it made it. */
    record Decision(boolean allow, long decidedAtMillis) {}

    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(250);
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    private static final Pattern ALLOW = Pattern.compile("\"allow\"\\s*:\\s*(true|false)");
    private static final Pattern DECIDED_AT = Pattern.compile("\"decidedAt\"\\s*:\\s*(\\d+)");

    static final Duration DNS_TIMEOUT = Duration.ofMillis(250);

    private final String host;
    private final int port;
    private final Optional<DnsResolver> dns;
    private final HttpClient http;

    /**
     * {@code hostPort}'s host is resolved at every request: through the DNS server {@code dns} ({@code host:port})
     * when one is given, else by the system resolver at every new connection; either way DNS faults apply.
     */
    GuardianClient(String hostPort, Optional<String> dns) {
        int colon = hostPort.lastIndexOf(':');
        this.host = hostPort.substring(0, colon);
        this.port = Integer.parseInt(hostPort.substring(colon + 1));
        this.dns = dns.map(server -> new DnsResolver(server, DNS_TIMEOUT));
        // HTTP/1.1: the default would try an h2c upgrade on every new connection, which the guardian never accepts
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    Decision decide(String subject, String action) throws FailClosedException {
        URI uri = URI.create("http://" + authority() + "/decide?subject=" + encode(subject) + "&action=" + encode(action));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // both the connect timeout and the request timeout
            throw new FailClosedException(Reason.GUARDIAN_TIMEOUT, e);
        } catch (IOException e) {
            // refused, reset, or closed before a whole answer arrived
            throw new FailClosedException(Reason.GUARDIAN_UNREACHABLE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FailClosedException(Reason.GUARDIAN_UNREACHABLE, e);
        }
        if (response.statusCode() != 200) {
            throw new FailClosedException(Reason.GUARDIAN_ERROR,
                    new IOException("guardian answered " + response.statusCode()));
        }
        return parse(response.body());
    }

    private String authority() throws FailClosedException {
        if (dns.isEmpty()) return host + ":" + port;
        InetAddress address = dns.get().resolve(host);
        String literal = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + literal + "]" : literal) + ":" + port;
    }

    static Decision parse(String body) throws FailClosedException {
        Matcher allow = ALLOW.matcher(body);
        Matcher decidedAt = DECIDED_AT.matcher(body);
        if (!allow.find() || !decidedAt.find()) {
            throw new FailClosedException(Reason.GUARDIAN_ERROR, new IOException("unreadable decision: " + body));
        }
        try {
            return new Decision(Boolean.parseBoolean(allow.group(1)), Long.parseLong(decidedAt.group(1)));
        } catch (NumberFormatException e) {
            throw new FailClosedException(Reason.GUARDIAN_ERROR, e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
