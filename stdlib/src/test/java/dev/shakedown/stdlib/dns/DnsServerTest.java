package dev.shakedown.stdlib.dns;

import static dev.shakedown.stdlib.dns.DnsFixture.SVC;
import static dev.shakedown.stdlib.dns.DnsFixture.V4_ONLY;
import static dev.shakedown.stdlib.dns.DnsFixture.addresses;
import static dev.shakedown.stdlib.dns.DnsFixture.ask;
import static dev.shakedown.stdlib.dns.DnsFixture.askAsync;
import static dev.shakedown.stdlib.dns.DnsFixture.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.stdlib.testing.TestRun;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The dns resource answers a real resolver as an authoritative server would, over UDP and TCP. */
class DnsServerTest {
    @TempDir
    Path runDir;
    TestRun run;
    DnsResource dns;
    SimpleResolver udp;

    @BeforeEach
    void startServer() throws Exception {
        run = new TestRun(runDir);
        dns = run.start(DnsFixture.spec());
        udp = DnsFixture.resolver(dns.port(), Duration.ofSeconds(5), false);
    }

    @AfterEach
    void stopServer() {
        run.close();
    }

    @Test
    void answersAAndAaaaAuthoritativelyWithTtlZero() throws Exception {
        Message a = ask(udp, SVC, Type.A);
        Message aaaa = ask(udp, "SVC.Test.Internal", Type.AAAA);

        assertThat(a.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(a.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(addresses(a)).containsExactly(ip("127.0.0.1"));
        assertThat(a.getSection(Section.ANSWER)).allSatisfy(r -> assertThat(r.getTTL()).isZero());
        assertThat(addresses(aaaa)).containsExactly(ip("::1"));
    }

    @Test
    void aNameWithoutAnAddressOfTheAskedTypeIsNodataNotNxdomain() throws Exception {
        Message aaaa = ask(udp, V4_ONLY, Type.AAAA);

        assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(aaaa.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void anUnknownNameIsNxdomain() throws Exception {
        assertThat(ask(udp, "other.test.internal", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void answersAAndAaaaAskedAtTheSameTime() throws Exception {
        CompletableFuture<Message> a = askAsync(udp, SVC, Type.A);
        CompletableFuture<Message> aaaa = askAsync(udp, SVC, Type.AAAA);

        assertThat(addresses(a.get(5, TimeUnit.SECONDS))).containsExactly(ip("127.0.0.1"));
        assertThat(addresses(aaaa.get(5, TimeUnit.SECONDS))).containsExactly(ip("::1"));
    }

    @Test
    void answersSeveralQueriesOnOneTcpConnection() throws Exception {
        SimpleResolver tcp = DnsFixture.resolver(dns.port(), Duration.ofSeconds(5), true);
        assertThat(addresses(ask(tcp, SVC, Type.A))).containsExactly(ip("127.0.0.1"));

        try (Socket connection = new Socket(InetAddress.getLoopbackAddress(), dns.port())) {
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            DataInputStream in = new DataInputStream(connection.getInputStream());
            for (String name : new String[] {SVC, V4_ONLY}) {
                byte[] query = DnsFixture.query(name, Type.A).toWire();
                out.writeShort(query.length);
                out.write(query);
                byte[] response = new byte[in.readUnsignedShort()];
                in.readFully(response);
                assertThat(new Message(response).getRcode()).isEqualTo(Rcode.NOERROR);
            }
        }
    }

    @Test
    void malformedPacketsAreDroppedAndTheServerGoesOn() throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] garbage = {1, 2, 3};
            socket.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(), dns.port()));
        }
        try (Socket connection = new Socket(InetAddress.getLoopbackAddress(), dns.port())) {
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            out.writeShort(3);
            out.write(new byte[] {1, 2, 3});
            assertThat(connection.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        }

        assertThat(addresses(ask(udp, SVC, Type.A))).containsExactly(ip("127.0.0.1"));
    }

    @Test
    void detailsSayWhereItServesWhat() {
        assertThat(dns.details())
                .containsEntry("address", "127.0.0.1:" + dns.port())
                .containsEntry("port", dns.port())
                .containsKey("records");
        assertThat(dns.undoRecord().action()).isEqualTo("none");
    }
}
