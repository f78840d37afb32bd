package dev.shakedown.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * Resolves a host name through one DNS server at every call, with the JDK's own DNS client (JNDI's DNS
 * provider): no cache, so a DNS fault shows on the very next request, and the server may listen on any port,
 * which the system resolver cannot be told. No answer within the timeout, NXDOMAIN, SERVFAIL or an empty
 * answer all fail closed with {@link Reason#DNS_FAILURE}.
 */
final class DnsResolver {
    private final Hashtable<String, String> environment = new Hashtable<>();

    /** {@code server} is {@code host:port}; one attempt of {@code timeout}, no retry. */
    DnsResolver(String server, Duration timeout) {
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, "dns://" + server);
        environment.put("com.sun.jndi.dns.timeout.initial", String.valueOf(timeout.toMillis()));
        environment.put("com.sun.jndi.dns.timeout.retries", "1");
    }

    InetAddress resolve(String host) throws FailClosedException {
        DirContext dns = null;
        try {
            dns = new InitialDirContext(environment);
            Attribute addresses = dns.getAttributes(host, new String[] {"A"}).get("A");
            if (addresses == null || addresses.size() == 0) {
                throw new FailClosedException(Reason.DNS_FAILURE, new UnknownHostException(host + ": no address"));
            }
            return InetAddress.getByName(String.valueOf(addresses.get(0)));
        } catch (NamingException | UnknownHostException e) {
            throw new FailClosedException(Reason.DNS_FAILURE, e);
        } finally {
            if (dns != null) {
                try {
                    dns.close();
                } catch (NamingException ignored) {
                    // nothing is held open between lookups
                }
            }
        }
    }
}
