package dev.shakedown.stdlib.firewall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Drives a {@link LoopbackPeer} inside a namespace: each call sends one command and returns its answer. */
final class PeerClient implements AutoCloseable {
    /** Time for a JVM to start, or to answer, on a loaded machine; the peer itself enforces each command's timeout. */
    private static final Duration SLACK = Duration.ofSeconds(60);

    private final Process process;
    private final OutputStream commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private PeerClient(Process process) {
        this.process = process;
        this.commands = process.getOutputStream();
        Thread reader = new Thread(this::readAnswers, "peer-answers");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the peer's server on 127.0.0.1:port inside the namespace and waits until it listens. */
    static PeerClient start(NetworkNamespace namespace, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(LoopbackPeer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        PeerClient peer = new PeerClient(namespace.start(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classes, LoopbackPeer.class.getName(), String.valueOf(port))));
        String first = peer.answers.poll(SLACK.toMillis(), TimeUnit.MILLISECONDS);
        if (!"ready".equals(first)) {
            peer.close();
            throw new IllegalStateException("the peer did not start: " + first);
        }
        return peer;
    }

    String connect(Duration timeout) throws Exception {
        return ask("connect", timeout);
    }

    String open(Duration timeout) throws Exception {
        return ask("open", timeout);
    }

    String ping(Duration timeout) throws Exception {
        return ask("ping", timeout);
    }

    private synchronized String ask(String command, Duration timeout) throws Exception {
        commands.write((command + " " + timeout.toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
        commands.flush();
        String answer = answers.poll(timeout.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        if (answer == null) throw new IllegalStateException("the peer did not answer '" + command + "'");
        return answer;
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) answers.add(line);
        } catch (IOException e) {
            // the peer was ended: there is nothing more to read
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
