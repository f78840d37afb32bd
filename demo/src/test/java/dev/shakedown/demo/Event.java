package dev.shakedown.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line of the gateway's event log as tests read it, checking the exact line format on the way. */
record Event(Instant time, long epochMicros, String state, String reason) {
    private static final Pattern LINE = Pattern.compile(
            "\\{\"time\":\"(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z)\",\"epochMicros\":(\\d+),"
                    + "\"state\":\"(ok|fail-closed|fail-open)\",\"reason\":(null|\"[a-z-]+\")}");

    static List<Event> read(Path file) {
        try {
            if (!Files.exists(file)) return List.of();
            return Files.readAllLines(file).stream().map(Event::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Event parse(String line) {
        Matcher m = LINE.matcher(line);
        assertThat(m.matches()).as("event log line %s", line).isTrue();
        Instant time = Instant.parse(m.group(1));
        long micros = Long.parseLong(m.group(2));
        assertThat(Json.epochMicros(time)).as("time and epochMicros agree in %s", line).isEqualTo(micros);
        String reason = m.group(4).equals("null") ? null : m.group(4).substring(1, m.group(4).length() - 1);
        return new Event(time, micros, m.group(3), reason);
    }

    static long nowMicros() {
        return Json.epochMicros(Instant.now());
    }
}
