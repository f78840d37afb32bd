package dev.shakedown.stdlib.dns;

import static dev.shakedown.stdlib.dns.DnsFixture.SVC;
import static dev.shakedown.stdlib.dns.DnsFixture.V4_ONLY;
import static dev.shakedown.stdlib.dns.DnsFixture.addresses;
import static dev.shakedown.stdlib.dns.DnsFixture.ask;
import static dev.shakedown.stdlib.dns.DnsFixture.askAsync;
import static dev.shakedown.stdlib.dns.DnsFixture.dnsFailure;
import static dev.shakedown.stdlib.dns.DnsFixture.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.testing.TestRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Each dnsFailure, seen by a real resolver: it takes effect at the next query, and rollback restores the records. */
class DnsFailureTest {
    @TempDir
    Path runDir;
    TestRun run;
    SimpleResolver resolver;

    @BeforeEach
    void startServer() throws Exception {
        ResourceSpec spec = DnsFixture.spec();
        run = new TestRun(runDir).withPlan(ExperimentPlan.ofResources("test", List.of(spec)));
        DnsResource dns = run.start(spec);
        resolver = DnsFixture.resolver(dns.port(), Duration.ofSeconds(5), false);
        assertThat(addresses(ask(resolver, SVC, Type.A))).containsExactly(ip("127.0.0.1")); // also warms up the client
    }

    @AfterEach
    void stopServer() {
        run.close();
    }

    private Fault inject(Map<String, Object> options) throws Exception {
        Fault fault = new DnsFailureInjector().prepare(dnsFailure(SVC, options), run);
        fault.apply();
        return fault;
    }

    private void rollBackAndSeeTheRecords(Fault fault) throws Exception {
        fault.rollback();
        assertThat(addresses(ask(resolver, SVC, Type.A))).containsExactly(ip("127.0.0.1"));
    }

    @Test
    void nxdomain() throws Exception {
        Fault fault = inject(Map.of("mode", "nxdomain"));

        assertThat(ask(resolver, SVC, Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask(resolver, V4_ONLY, Type.A).getRcode()).as("other names").isEqualTo(Rcode.NOERROR);
        assertThat(fault.details()).containsEntry("name", SVC).containsEntry("mode", "nxdomain")
                .containsEntry("hostsFile", "none in this run");
        assertThat(fault.undoRecord().action()).isEqualTo("none");
        rollBackAndSeeTheRecords(fault);
    }

    @Test
    void servfail() throws Exception {
        Fault fault = inject(Map.of("mode", "servfail"));

        assertThat(ask(resolver, "SVC.test.internal.", Type.AAAA).getRcode()).isEqualTo(Rcode.SERVFAIL);
        rollBackAndSeeTheRecords(fault);
    }

    @Test
    void timeoutNeverAnswers() throws Exception {
        Fault fault = inject(Map.of("mode", "timeout"));
        SimpleResolver impatient = DnsFixture.resolver(resolver.getAddress().getPort(), Duration.ofMillis(300), false);

        assertThatThrownBy(() -> ask(impatient, SVC, Type.A)).isInstanceOf(IOException.class);
        assertThat(ask(resolver, V4_ONLY, Type.A).getRcode()).as("other names").isEqualTo(Rcode.NOERROR);
        rollBackAndSeeTheRecords(fault);
    }

    @Test
    void latencyDelaysEachAnswerByTheGivenTimeWithinTenPercent() throws Exception {
        Fault fault = inject(Map.of("latency", Duration.ofMillis(200)));

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            Message response = ask(resolver, SVC, Type.A);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            assertThat(addresses(response)).containsExactly(ip("127.0.0.1"));
        }
        // never early; the median within 10 % (one query slowed by a busy machine does not decide it)
        assertThat(millis).as("query times in ms").allSatisfy(m -> assertThat(m).isGreaterThanOrEqualTo(200L));
        assertThat(millis.stream().sorted().toList().get(2)).as("median of %s ms", millis).isLessThanOrEqualTo(220L);
        rollBackAndSeeTheRecords(fault);
    }

    @Test
    void aLateAnswerHoldsUpNoOther() throws Exception {
        Fault fault = inject(Map.of("latency", Duration.ofSeconds(1)));
        long start = System.nanoTime();
        CompletableFuture<Message> late = askAsync(resolver, SVC, Type.A);

        assertThat(addresses(ask(resolver, V4_ONLY, Type.A))).containsExactly(ip("127.0.0.2"));
        assertThat(late).as("the late answer is still pending").isNotDone();
        assertThat(addresses(late.get(5, TimeUnit.SECONDS))).containsExactly(ip("127.0.0.1"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        rollBackAndSeeTheRecords(fault);
    }

    @Test
    void aWrongAnswer() throws Exception {
        Fault fault = inject(Map.of("answer", "127.0.0.99"));

        assertThat(addresses(ask(resolver, SVC, Type.A))).containsExactly(ip("127.0.0.99"));
        assertThat(ask(resolver, SVC, Type.AAAA).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(fault.details()).containsEntry("mode", "answer");
        rollBackAndSeeTheRecords(fault);
    }
}
