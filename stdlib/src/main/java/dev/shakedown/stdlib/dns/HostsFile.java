package dev.shakedown.stdlib.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hosts file that JVMs launched with {@code hostsFile: true} resolve names from
 * ({@code -Djdk.net.hosts.file}): the host's own {@code /etc/hosts} with the script's records in place of
 * any lines for the same names. A fault rewrites it; a hosts file can only know a name or not, so every
 * failure but a wrong answer makes the name unknown at once (it cannot delay nor time out).
 */
final class HostsFile {
    private static final Path SYSTEM = Path.of("/etc/hosts");

    private HostsFile() {}

    /** {@code <runDir>/dns/hosts}. */
    static Path in(Path runDirectory) {
        return runDirectory.resolve("dns").resolve("hosts");
    }

    /** The host's hosts file, or nothing if it cannot be read: the records alone still resolve. */
    static String system() {
        try {
            return Files.readString(SYSTEM);
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code base} without lines that name any of the records, then one line per record address. */
    static String render(String base, DnsRecords records) {
        String content = without(base, records.names());
        StringBuilder lines = new StringBuilder(content);
        records.byName().forEach((name, addresses) -> addresses.forEach(a -> lines.append(line(a, name))));
        return lines.toString();
    }

    /** What a fault makes of the file; empty when the fault leaves it alone (latency: only the server can delay). */
    static Optional<String> faulted(String content, String name, NameFault fault) {
        if (fault instanceof NameFault.Latency) return Optional.empty();
        String without = without(content, List.of(name));
        if (fault instanceof NameFault.WrongAnswer wrong) return Optional.of(without + line(wrong.address().getHostAddress(), name));
        return Optional.of(without);
    }

    /** What a fault does to the hosts file, in a sentence. */
    static String describe(String name, NameFault fault) {
        if (fault instanceof NameFault.Latency) return "nothing changes (a hosts file cannot delay an answer)";
        if (fault instanceof NameFault.WrongAnswer wrong) return name + " maps to " + wrong.address().getHostAddress();
        return name + " is removed, so lookups fail at once with UnknownHostException"
                + " (a hosts file knows a name or not: it cannot answer SERVFAIL nor time out)";
    }

    /** Writes {@code content} to a sibling temporary file, then moves it over {@code file}, so no reader sees half of it. */
    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String without(String content, Collection<String> names) {
        return content.lines().filter(line -> !names(line).anyMatch(names::contains))
                .map(line -> line + "\n").collect(Collectors.joining());
    }

    /** The host names of a hosts file line: the words after its address, before any comment. */
    private static Stream<String> names(String line) {
        int comment = line.indexOf('#');
        String[] words = (comment < 0 ? line : line.substring(0, comment)).trim().split("\\s+");
        return Arrays.stream(words).skip(1).map(DnsNames::normalize);
    }

    private static String line(String address, String name) {
        return address + " " + name + "\n";
    }
}
