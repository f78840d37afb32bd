package dev.shakedown.stdlib.firewall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace of the test's own, with only loopback, up: its firewall is not the host's, so the
 * tests can add and delete rules freely. close() kills what runs inside, then deletes it with its rules.
 */
final class NetworkNamespace implements AutoCloseable {
    private final String name;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    static NetworkNamespace create() {
        NetworkNamespace namespace = new NetworkNamespace("sd-fw-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000_0000, 0x7fff_ffff)));
        host("ip", "netns", "add", namespace.name);
        try {
            host("ip", "-n", namespace.name, "link", "set", "lo", "up");
        } catch (RuntimeException e) {
            namespace.close();
            throw e;
        }
        return namespace;
    }

    String name() {
        return name;
    }

    /** Starts a process inside; its stderr goes to the test's output. */
    Process start(List<String> command) throws IOException {
        List<String> inside = new ArrayList<>(List.of("ip", "netns", "exec", name));
        inside.addAll(command);
        return new ProcessBuilder(inside).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Every rule in the namespace as iptables-save, ip6tables-save and nft print them. */
    String firewallRules() {
        return host("ip", "netns", "exec", name, "iptables-save")
                + host("ip", "netns", "exec", name, "ip6tables-save")
                + host("ip", "netns", "exec", name, "nft", "list", "ruleset");
    }

    /** Ends the processes inside (a namespace lives on while one is in it) and deletes it; again is harmless. */
    @Override
    public void close() {
        if (!host("ip", "netns", "list").lines().map(line -> line.split(" ", 2)[0]).toList().contains(name)) return;
        for (String pid : host("ip", "netns", "pids", name).split("\\s+")) {
            if (!pid.isBlank()) ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
        host("ip", "netns", "del", name);
    }

    /** Runs a command in the host's namespace and returns what it printed; throws if it fails. */
    static String host(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
