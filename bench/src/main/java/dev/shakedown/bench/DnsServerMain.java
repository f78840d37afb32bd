package dev.shakedown.bench;

import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.stdlib.dns.DnsResourceType;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The run's DNS server (the {@code dns} resource) in a JVM of its own, so that the benchmark's client does
 * not share its CPU and heap. Usage: DnsServerMain PORT NAME; prints {@code ready} once it serves NAME as 127.0.0.1.
 */
public final class DnsServerMain {
    private DnsServerMain() {}

    public static void main(String[] args) throws Exception {
        ResourceSpec spec = new ResourceSpec(DnsResourceType.KIND, DnsResourceType.NAME,
                Map.of("port", Integer.parseInt(args[0]), "records", Map.of(args[1], List.of("127.0.0.1"))), SourceRef.UNKNOWN);
        ResourceType type = Registry.fromClasspath().resourceType(DnsResourceType.KIND).orElseThrow();
        Resource server = type.create(type.settle(spec), new BenchRun(Files.createTempDirectory("shakedown-dns-bench")));
        server.start();
        System.out.println("ready");
        // stdin closes when the benchmark ends, or dies: then so does this server
        while (System.in.read() >= 0) {
            // nothing is ever sent
        }
        server.close();
    }
}
