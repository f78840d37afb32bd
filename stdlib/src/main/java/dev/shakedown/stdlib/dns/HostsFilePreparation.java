package dev.shakedown.stdlib.dns;

import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.stdlib.process.LaunchOptions;
import dev.shakedown.stdlib.process.LaunchPreparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code hostsFile: true}: the launched JVM resolves host names from the run's hosts file instead of the
 * system's resolver, with its address caches off, so {@code dnsFailure} reaches a Java program that knows
 * nothing of the run's DNS server. Both settings travel in {@code JDK_JAVA_OPTIONS}, which every
 * {@code java} launcher reads, so the command line stays the script's.
 */
public final class HostsFilePreparation implements LaunchPreparation {
    static final String JDK_JAVA_OPTIONS = "JDK_JAVA_OPTIONS";
    /** No positive and no negative caching: the next lookup after a fault starts or ends sees it. */
    private static final String NO_CACHE = "networkaddress.cache.ttl=0\nnetworkaddress.cache.negative.ttl=0\n";

    @Override
    public void prepare(String process, LaunchOptions options, RunContext run, Map<String, String> environment) throws IOException {
        if (!options.hostsFile()) return;
        ResourceSpec dns = DnsResourceType.in(run.plan()).orElseThrow(() -> new IOException("process '" + process
                + "' has hostsFile: true, but the script declares no dns records for it to resolve;"
                + " declare them: dns { record 'svc.internal', '127.0.0.1' }"));
        Path hosts = HostsFile.in(run.runDirectory());
        // A restart keeps the file: an active dnsFailure may have rewritten it, and must still hold.
        if (!Files.exists(hosts)) HostsFile.write(hosts, HostsFile.render(HostsFile.system(), DnsOptions.from(dns.options()).records()));
        Path security = hosts.resolveSibling("java.security");
        HostsFile.write(security, NO_CACHE);
        String ours = "-Djdk.net.hosts.file=" + quoted(hosts) + " -Djava.security.properties=" + quoted(security);
        environment.merge(JDK_JAVA_OPTIONS, ours, (theirs, added) -> theirs.isBlank() ? added : theirs + " " + added);
    }

    /** The launcher splits JDK_JAVA_OPTIONS at whitespace unless it is quoted. */
    private static String quoted(Path path) {
        String text = path.toString();
        return text.chars().anyMatch(Character::isWhitespace) ? "\"" + text + "\"" : text;
    }
}
