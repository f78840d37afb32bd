package dev.shakedown.stdlib.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Turns a query into the answer the dns resource gives, faults included. Authoritative for its records:
 * a name with no address of the asked type is answered NOERROR with no records (NODATA), never NXDOMAIN,
 * because glibc asks for A and AAAA together and fails the whole lookup on an NXDOMAIN for either.
 * Answers carry TTL 0, so no client keeps an answer across the start or end of a fault.
 */
final class Responder {
    /** What to send back, and how late. */
    record Reply(Message message, Duration delay) {}

    private final DnsRecords records;
    private final Map<String, NameFault> faults = new ConcurrentHashMap<>();

    Responder(DnsRecords records) {
        this.records = records;
    }

    /** From the next query on, queries for {@code name} get {@code fault}. */
    void fault(String name, NameFault fault) {
        faults.put(DnsNames.normalize(name), fault);
    }

    /** Ends {@code fault} on {@code name}, unless another fault has replaced it since. */
    void heal(String name, NameFault fault) {
        faults.remove(DnsNames.normalize(name), fault);
    }

    /** The reply to {@code query}; empty when there is none to give: it is no question, or the name's queries time out. */
    Optional<Reply> reply(Message query) {
        Record question = query.getQuestion();
        if (query.getHeader().getFlag(Flags.QR) || question == null) return Optional.empty();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        if (query.getHeader().getFlag(Flags.RD)) response.getHeader().setFlag(Flags.RD);
        response.addRecord(question, Section.QUESTION);
        if (query.getHeader().getOpcode() != Opcode.QUERY) return now(response, Rcode.NOTIMP);
        response.getHeader().setFlag(Flags.AA);

        String name = question.getName().toString(true);
        NameFault fault = faults.get(DnsNames.normalize(name));
        Optional<List<InetAddress>> addresses = records.addresses(name);
        if (fault instanceof NameFault.Silence) return Optional.empty();
        if (fault instanceof NameFault.NxDomain || addresses.isEmpty()) return now(response, Rcode.NXDOMAIN);
        if (fault instanceof NameFault.ServFail) return now(response, Rcode.SERVFAIL);
        List<InetAddress> answers = fault instanceof NameFault.WrongAnswer wrong ? List.of(wrong.address()) : addresses.get();
        for (InetAddress address : answers) {
            answer(question, address).ifPresent(r -> response.addRecord(r, Section.ANSWER));
        }
        Duration delay = fault instanceof NameFault.Latency latency ? latency.delay() : Duration.ZERO;
        return Optional.of(new Reply(response, delay));
    }

    private static Optional<Reply> now(Message response, int rcode) {
        response.getHeader().setRcode(rcode);
        return Optional.of(new Reply(response, Duration.ZERO));
    }

    /** The record for {@code address} if the question asks for its family (or for any type). */
    private static Optional<Record> answer(Record question, InetAddress address) {
        int type = question.getType();
        if (address instanceof Inet4Address && (type == Type.A || type == Type.ANY)) {
            return Optional.of(new ARecord(question.getName(), DClass.IN, 0, address));
        }
        if (address instanceof Inet6Address && (type == Type.AAAA || type == Type.ANY)) {
            return Optional.of(new AAAARecord(question.getName(), DClass.IN, 0, address));
        }
        return Optional.empty();
    }
}
