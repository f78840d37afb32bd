package dev.shakedown.stdlib.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.dsl.ScriptErrors;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.Step;
import dev.shakedown.stdlib.testing.TestScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dns and dnsFailure as scripts write them, compiled by the real DSL. */
class DnsScriptTest {
    @TempDir
    Path dir;

    private ExperimentPlan compile(String script) throws Exception {
        return TestScripts.compile(dir.resolve("dns.chaos.groovy"), script);
    }

    @Test
    void severalBlocksDeclareOneServerWhoseAddressTheScriptReads() throws Exception {
        ExperimentPlan plan = compile("""
                component 'dns'
                dns { record 'svc.test.internal', '127.0.0.1', '::1' }
                dns {
                    record 'DB.test.internal.', '127.0.0.2'
                    record 'svc.test.internal', '127.0.0.3'
                }
                process 'app', command: ['app', '--dns', dns.address, "--port=${dns.port}"], hostsFile: true
                scenario 'unresolvable' {
                    inject dnsFailure('svc.test.internal', mode: 'nxdomain')
                    inject dnsFailure('db.test.internal', latency: 2.s)
                    recover
                }
                """);

        ResourceSpec dns = DnsResourceType.in(plan).orElseThrow();
        assertThat(dns.name()).isEqualTo("dns");
        assertThat(plan.resources()).filteredOn(r -> r.kind().equals(DnsResourceType.KIND)).hasSize(1);
        assertThat(dns.options().get("records")).isEqualTo(Map.of(
                "svc.test.internal", List.of("127.0.0.1", "::1", "127.0.0.3"), "db.test.internal", List.of("127.0.0.2")));
        int port = (Integer) dns.options().get("port");
        assertThat(port).isPositive();
        assertThat((List<?>) plan.resource("app").orElseThrow().options().get("command")).map(String::valueOf)
                .containsExactly("app", "--dns", "127.0.0.1:" + port, "--port=" + port);
        List<FaultSpec> faults = plan.scenarios().get(0).injections().stream().map(Step.Inject::fault).toList();
        assertThat(faults.get(0)).satisfies(f -> {
            assertThat(f.type()).isEqualTo("dnsFailure");
            assertThat(f.target()).isEqualTo("svc.test.internal");
            assertThat(f.options()).isEqualTo(Map.of("mode", "nxdomain"));
        });
        assertThat(faults.get(1).options()).isEqualTo(Map.of("latency", Duration.ofSeconds(2)));
    }

    @Test
    void mistakesPointAtTheirLine() {
        assertThatThrownBy(() -> compile("""
                component 'dns'
                dns { record 'svc.test.internal', '127.0.0.1' }
                scenario 'unresolvable' {
                    inject dnsFailure('svc.test.internl', mode: 'nxdomain')
                    inject dnsFailure('svc.test.internal', mode: 'servfial')
                    inject dnsFailure('svc.test.internal', mode: 'timeout', answer: '127.0.0.99')
                }
                """))
                .isInstanceOf(ScriptErrors.class)
                .hasMessageContaining("dns.chaos.groovy:4:5: no dns record 'svc.test.internl', did you mean 'svc.test.internal'?")
                .hasMessageContaining("dns.chaos.groovy:5:5: unknown mode 'servfial' for dnsFailure, did you mean 'servfail'?")
                .hasMessageContaining("dns.chaos.groovy:6:5: dnsFailure takes exactly one of mode:");
    }

    @Test
    void aBadAddressInARecordPointsAtItsLine() {
        assertThatThrownBy(() -> compile("""
                component 'dns'
                dns {
                    record 'svc.test.internal', '127.0.0.1'
                    record 'db.test.internal', '10.0.0.256'
                }
                """))
                .isInstanceOf(ScriptErrors.class)
                .hasMessageContaining("dns.chaos.groovy:4:5: record 'db.test.internal': '10.0.0.256' is not an IPv4 or IPv6 address");
    }
}
