package dev.shakedown.stdlib.dns;

import static dev.shakedown.stdlib.dns.DnsFixture.SVC;
import static dev.shakedown.stdlib.dns.DnsFixture.dnsFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.stdlib.testing.TestBuild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in dns records and in dnsFailure are said before anything runs, with the value that is wrong. */
class DnsValidationTest {
    private static final ExperimentPlan PLAN = ExperimentPlan.ofResources("test", List.of(DnsFixture.spec()));

    @TempDir
    Path dir;

    private static List<String> problems(FaultSpec spec) {
        return new DnsFailureInjector().validate(spec, PLAN);
    }

    @Test
    void aRecordNeedsAnAddressLiteral() {
        assertThatThrownBy(() -> Dns.declare(new TestBuild(dir), Map.of(SVC, List.of("127.0.0.300"))))
                .isInstanceOf(DslException.class)
                .hasMessage("record '" + SVC + "': '127.0.0.300' is not an IPv4 or IPv6 address; write one such as '127.0.0.1' or '::1'");
        assertThatThrownBy(() -> Dns.declare(new TestBuild(dir), Map.of(SVC, List.of("localhost"))))
                .hasMessageContaining("'localhost' is not an IPv4 or IPv6 address");
    }

    @Test
    void aRecordNeedsAValidName() {
        assertThatThrownBy(() -> Dns.declare(new TestBuild(dir), Map.of("bad_name..internal", List.of("127.0.0.1"))))
                .isInstanceOf(DslException.class)
                .hasMessageStartingWith("'bad_name..internal' is not a valid DNS name");
        assertThatThrownBy(() -> Dns.declare(new TestBuild(dir), Map.of("-svc.internal", List.of("127.0.0.1"))))
                .hasMessageStartingWith("'-svc.internal' is not a valid DNS name");
    }

    @Test
    void aValidFailureHasNoProblems() {
        assertThat(problems(dnsFailure("SVC.test.internal.", Map.of("mode", "timeout")))).isEmpty();
        assertThat(problems(dnsFailure(SVC, Map.of("latency", Duration.ofSeconds(2))))).isEmpty();
        assertThat(problems(dnsFailure(SVC, Map.of("answer", "::2")))).isEmpty();
    }

    @Test
    void anUnknownRecordIsNamedWithTheClosestAndAllDeclared() {
        assertThat(problems(dnsFailure("svc.test.internl", Map.of("mode", "nxdomain")))).containsExactly(
                "no dns record 'svc.test.internl', did you mean 'svc.test.internal'? (declared: svc.test.internal, v4only.test.internal)");
    }

    @Test
    void aPlanWithoutDnsSaysHowToDeclareIt() {
        assertThat(new DnsFailureInjector().validate(dnsFailure(SVC, Map.of("mode", "nxdomain")), ExperimentPlan.ofResources("test", List.of())))
                .containsExactly("no dns record '" + SVC + "': the script declares no dns; declare it first: dns { record '" + SVC + "', '127.0.0.1' }");
    }

    @Test
    void anUnknownModeIsSuggested() {
        assertThat(problems(dnsFailure(SVC, Map.of("mode", "nxdomian")))).containsExactly(
                "unknown mode 'nxdomian' for dnsFailure, did you mean 'nxdomain'? (known: nxdomain, servfail, timeout)");
    }

    @Test
    void exactlyOneOfModeLatencyAndAnswer() {
        assertThat(problems(dnsFailure(SVC, Map.of("mode", "timeout", "latency", Duration.ofSeconds(1))))).singleElement()
                .satisfies(p -> assertThat(p).startsWith("dnsFailure takes exactly one of mode:").endsWith(", not mode: and latency:"));
        assertThat(problems(dnsFailure(SVC, Map.of()))).singleElement()
                .satisfies(p -> assertThat(p).isEqualTo("dnsFailure takes exactly one of mode: ('nxdomain', 'servfail', 'timeout'),"
                        + " latency: 2.s or answer: '127.0.0.99'"));
    }

    @Test
    void latencyIsAboveZeroAndAtMostAMinute() {
        assertThat(problems(dnsFailure(SVC, Map.of("latency", Duration.ZERO))))
                .containsExactly("dnsFailure latency must be above zero, not 0ms");
        assertThat(problems(dnsFailure(SVC, Map.of("latency", Duration.ofMinutes(5))))).singleElement()
                .satisfies(p -> assertThat(p).contains("too long").contains("mode: 'timeout'"));
    }

    @Test
    void aWrongAnswerIsAnAddressLiteral() {
        assertThat(problems(dnsFailure(SVC, Map.of("answer", "guardian")))).containsExactly(
                "dnsFailure, option answer: 'guardian' is not an IPv4 or IPv6 address; write one such as '127.0.0.1' or '::1'");
    }

    @Test
    void describeSaysWhatTheServerAndTheHostsFileDo() {
        assertThat(new DnsFailureInjector().describe(dnsFailure(SVC, Map.of("latency", Duration.ofMillis(500)))))
                .contains("answer correctly 500ms late for " + SVC)
                .contains("cannot delay");
        assertThat(new DnsFailureInjector().describe(dnsFailure(SVC, Map.of("mode", "timeout"))))
                .contains("never answer").contains("cannot answer SERVFAIL nor time out");
    }
}
