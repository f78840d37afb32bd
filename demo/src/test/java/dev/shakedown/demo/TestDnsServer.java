package dev.shakedown.demo;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A one-name UDP DNS server on loopback for the gateway's tests (the stdlib's server cannot be used here: it
 * depends on this module). It answers A queries for its name, NXDOMAIN, or not at all.
 */
final class TestDnsServer implements AutoCloseable {
    enum Mode { ANSWER, NXDOMAIN, SILENT }

    private final DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    private final Name name;
    private final InetAddress address;
    private final Thread loop;
    private volatile Mode mode = Mode.ANSWER;

    TestDnsServer(String name, InetAddress address) throws IOException {
        this.name = Name.fromString(name, Name.root);
        this.address = address;
        this.loop = new Thread(this::serve, "test-dns");
        loop.setDaemon(true);
        loop.start();
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Mode now = mode;
                if (now == Mode.SILENT) continue;
                byte[] answer = answer(new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength())), now);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a packet that is not DNS: the next one may be
            }
        }
    }

    private byte[] answer(Message query, Mode now) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        if (now == Mode.NXDOMAIN || !question.getName().equals(name)) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (question.getType() == Type.A) {
            response.addRecord(new ARecord(name, DClass.IN, 0, address), Section.ANSWER);
        }
        return response.toWire();
    }

    @Override
    public void close() {
        socket.close();
    }
}
