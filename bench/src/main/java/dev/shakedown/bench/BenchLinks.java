package dev.shakedown.bench;

import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.stdlib.link.Link;
import dev.shakedown.stdlib.link.LinkResourceType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A link in front of an upstream port, started the way the engine starts one. Run as a program, it is the
 * link in a JVM of its own (so its CPU time and memory can be read from /proc): it prints its port and
 * serves until its standard input closes.
 *
 * <p>Usage: BenchLinks UPSTREAM_PORT
 */
public final class BenchLinks {
    static final String NAME = "bench";

    private BenchLinks() {}

    static Link start(BenchRun run, int upstreamPort) throws Exception {
        ResourceSpec spec = new ResourceSpec(LinkResourceType.KIND, NAME,
                Map.of("listen", 0, "upstream", "127.0.0.1:" + upstreamPort), SourceRef.UNKNOWN);
        Link link = (Link) new LinkResourceType().create(spec, run);
        link.start();
        run.add(link);
        return link;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("shakedown-link-bench");
        Link link = start(new BenchRun(dir), Integer.parseInt(args[0]));
        System.out.println(link.port());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        link.close();
        delete(dir);
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
