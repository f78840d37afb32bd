package dev.shakedown.stdlib.link;

import dev.shakedown.engine.spi.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a link has to say: lines in {@code <runDir>/logs/link-<name>.log}, and the events a person
 * must see (an upstream that refuses connections) also on the run's timeline.
 */
final class LinkLog {
    private final String link;
    private final RunContext run;
    private final Path file;

    LinkLog(String link, RunContext run) {
        this.link = link;
        this.run = run;
        this.file = run.runDirectory().resolve("logs").resolve("link-" + link + ".log");
    }

    Path file() {
        return file;
    }

    void line(String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Instant.now() + " " + text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The log is for people reading it afterwards; a full disk must not stop the proxy.
        }
    }

    /** Records the event on the run's timeline (with the link's name) and in the log. */
    void event(String kind, Map<String, Object> data, String text) {
        Map<String, Object> withLink = new LinkedHashMap<>();
        withLink.put("link", link);
        withLink.putAll(data);
        run.event(kind, withLink);
        line(text);
    }
}
