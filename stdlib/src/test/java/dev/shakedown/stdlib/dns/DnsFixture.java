package dev.shakedown.stdlib.dns;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/** The dns resource of the tests, and a real DNS client (dnsjava's resolver) that asks it. */
final class DnsFixture {
    static final String SVC = "svc.test.internal";
    static final String V4_ONLY = "v4only.test.internal";

    private DnsFixture() {}

    /** Records with both families ({@value #SVC}) and with IPv4 only ({@value #V4_ONLY}), on a free port. */
    static ResourceSpec spec() {
        return spec(Map.of(SVC, List.of("127.0.0.1", "::1"), V4_ONLY, List.of("127.0.0.2")));
    }

    static ResourceSpec spec(Map<String, List<String>> records) {
        return new DnsResourceType().settle(new ResourceSpec(DnsResourceType.KIND, DnsResourceType.NAME,
                Map.of(DnsOptions.RECORDS, records), SourceRef.UNKNOWN));
    }

    static FaultSpec dnsFailure(String name, Map<String, Object> options) {
        return new FaultSpec("dnsFailure", List.of(name), options, SourceRef.UNKNOWN);
    }

    /** A resolver for the server at {@code port}, giving up after {@code timeout}, over TCP if {@code tcp}. */
    static SimpleResolver resolver(int port, Duration timeout, boolean tcp) throws IOException {
        SimpleResolver resolver = new SimpleResolver(InetAddress.getLoopbackAddress());
        resolver.setPort(port);
        resolver.setTimeout(timeout);
        resolver.setTCP(tcp);
        return resolver;
    }

    static Message query(String name, int type) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
    }

    static Message ask(SimpleResolver resolver, String name, int type) throws IOException {
        return resolver.send(query(name, type));
    }

    static CompletableFuture<Message> askAsync(SimpleResolver resolver, String name, int type) throws IOException {
        return resolver.sendAsync(query(name, type)).toCompletableFuture();
    }

    /** The answer section's addresses. */
    static List<InetAddress> addresses(Message response) {
        return response.getSection(Section.ANSWER).stream()
                .map(r -> r instanceof ARecord a ? a.getAddress() : ((AAAARecord) r).getAddress()).toList();
    }

    /** An address literal, parsed without any lookup. */
    static InetAddress ip(String literal) {
        return DnsNames.literal(literal).orElseThrow();
    }
}
