package dev.shakedown.stdlib.demo;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.stdlib.FreePorts;
import dev.shakedown.stdlib.Options;
import dev.shakedown.stdlib.disk.TmpfsResourceType;
import dev.shakedown.stdlib.dns.Dns;
import dev.shakedown.stdlib.dns.DnsRef;
import dev.shakedown.stdlib.link.LinkRef;
import dev.shakedown.stdlib.link.LinkResourceType;
import dev.shakedown.stdlib.process.LaunchOptions;
import dev.shakedown.stdlib.process.ProcessResourceType;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The script word {@code demoSystem}: declares the bundled demo system (db, guardian, gateway) as three
 * processes the run launches, on loopback ports chosen now, so the script can use their addresses, and
 * the links through which the gateway reaches the guardian and the database, and the run's DNS server, through
 * which the gateway resolves the guardian's name at every request.
 */
public final class DemoSystemWord implements DslWord {
    private static final String DEMO_MAIN = "dev.shakedown.demo.GatewayMain";
    private static final String H2_DRIVER = "org.h2.Driver";
    /** Quick to start and small: three JVMs share the host with the engine and its load. */
    private static final List<String> JVM_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx96m");

    @Override
    public String name() {
        return "demoSystem";
    }

    @Override
    public String summary() {
        return "declare the bundled demo system (db, guardian, gateway) for this run; option failOpen: true breaks it on purpose, "
                + "auditFs: 32.mb puts the gateway's audit directory on a tmpfs of that size, delay: 100.ms slows every order, "
                + "errorEvery: 10 answers every tenth order with 500";
    }

    @Override
    public Class<?> resultType() {
        return DemoSystem.class;
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (!args.isEmpty()) throw new DslException("demoSystem takes only named options: demoSystem(failOpen: true)");
        Options.requireKnown(named, Set.of("failOpen", "auditFs", "delay", "errorEvery"), "demoSystem");
        boolean failOpen = Options.bool(named, "failOpen", false);
        // a slow or erring gateway on purpose, whose latency and error rate a test knows beforehand
        Duration delay = Options.duration(named, "delay").orElse(Duration.ZERO);
        int errorEvery = Options.integer(named, "errorEvery", "demoSystem").orElse(0);
        if (delay.isNegative() || errorEvery < 0) throw new DslException("demoSystem options delay: and errorEvery: must not be negative");
        Object auditFs = named.get("auditFs");
        if (auditFs != null && !(auditFs instanceof ByteSize)) {
            throw new DslException("demoSystem option auditFs: the size of the audit directory's tmpfs, such as 32.mb, not " + auditFs);
        }
        List<Integer> ports = FreePorts.pick(3);
        int db = ports.get(0);
        int guardian = ports.get(1);
        int gateway = ports.get(2);
        List<String> jvm = jvm();

        declare(build, "db", Map.of("command", command(jvm, "DbMain", "--port", db, "--watch-parent"), "port", db));
        declare(build, "guardian",
                Map.of("command", command(jvm, "GuardianMain", "--port", guardian, "--watch-parent"), "port", guardian));
        // The gateway reaches both dependencies through links, so network faults act on its real connections.
        LinkRef guardianLink = link(build, DemoSystem.GUARDIAN_LINK, guardian);
        LinkRef dbLink = link(build, DemoSystem.DB_LINK, db);
        String auditDir = DemoSystem.AUDIT_DIR;
        // Declared before the gateway, so it is mounted before the gateway starts and unmounted after it stops.
        if (auditFs != null) {
            build.addResource(new ResourceSpec(TmpfsResourceType.KIND, DemoSystem.AUDIT_FS,
                    Map.of("path", auditDir, "size", auditFs), build.callSite()));
        }
        // The gateway finds the guardian by name through the run's DNS server, so DNS faults act on it.
        DnsRef dns = Dns.declare(build, Map.of(DemoSystem.GUARDIAN_HOST, List.of(guardianLink.getHost())));
        List<Object> gatewayArguments = new ArrayList<>(List.of("--port", gateway,
                "--guardian", DemoSystem.GUARDIAN_HOST + ":" + guardianLink.getPort(), "--dns", dns.getAddress(),
                "--db", dbLink.getAddress(),
                "--audit-dir", auditDir,
                "--event-log", LaunchOptions.RUN_DIR + "/" + DemoSystem.EVENT_LOG,
                "--watch-parent"));
        if (failOpen) gatewayArguments.add("--fail-open");
        if (!delay.isZero()) gatewayArguments.addAll(List.of("--delay-ms", delay.toMillis()));
        if (errorEvery > 0) gatewayArguments.addAll(List.of("--error-every", errorEvery));
        // The gateway never creates its audit directory (a removed one must fail requests), so the run does.
        declare(build, "gateway", Map.of("command", command(jvm, "GatewayMain", gatewayArguments.toArray()),
                "port", gateway, "mkdirs", List.of(auditDir)));
        return new DemoSystem(gateway, guardian, db, Map.of("guardian", guardianLink, "db", dbLink), dns);
    }

    private static LinkRef link(BuildContext build, String name, int upstreamPort) {
        build.addResource(new ResourceSpec(LinkResourceType.KIND, name,
                Map.of("listen", 0, "upstream", "127.0.0.1:" + upstreamPort), build.callSite()));
        return LinkRef.declared(build, name);
    }

    private static void declare(BuildContext build, String name, Map<String, Object> options) {
        build.addResource(new ResourceSpec(ProcessResourceType.KIND, name, options, build.callSite()));
    }

    private static List<String> command(List<String> jvm, String main, Object... arguments) {
        List<String> command = new ArrayList<>(jvm);
        command.add("dev.shakedown.demo." + main);
        for (Object argument : arguments) command.add(String.valueOf(argument));
        return List.copyOf(command);
    }

    /** The running JVM, with the demo and H2 on its class path, wherever those come from (IDE, Maven, shaded jar). */
    private static List<String> jvm() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classpath = new LinkedHashSet<>(List.of(locationOf(DEMO_MAIN), locationOf(H2_DRIVER))).stream()
                .collect(Collectors.joining(File.pathSeparator));
        List<String> jvm = new ArrayList<>(List.of(java));
        jvm.addAll(JVM_OPTIONS);
        jvm.addAll(List.of("-cp", classpath));
        return jvm;
    }

    private static String locationOf(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, DemoSystemWord.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new DslException("demoSystem needs the demo system on the class path, but " + className + " is missing");
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            if (source != null) return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            // reported below, like a class with no location at all
        }
        throw new DslException("demoSystem cannot tell where " + className + " was loaded from");
    }
}
