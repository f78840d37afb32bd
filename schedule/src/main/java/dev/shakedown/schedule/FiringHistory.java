package dev.shakedown.schedule;

import dev.shakedown.engine.evidence.Evidence;
import dev.shakedown.engine.evidence.EvidenceWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evidence of every firing: {@code <out>/history/<component>/<scheduled time>.json}, the latest also as
 * {@code <out>/<component>_chaos_resilience_validation.json} (what {@code run} writes), and one JSON line per
 * firing in {@code <out>/history/index.jsonl}, so resilience over time is one file to read.
 */
public final class FiringHistory {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private final Path out;
    private final EvidenceWriter writer = new EvidenceWriter();

    public FiringHistory(Path out) {
        this.out = out;
    }

    public Path index() {
        return out.resolve("history").resolve("index.jsonl");
    }

    /** Writes the firing's evidence and its index line; returns the history file. */
    public Path record(Firing firing, Evidence evidence) throws IOException {
        Path file = freeName(out.resolve("history").resolve(evidence.component()), FILE_TIME.format(firing.scheduled()));
        writer.writeTo(evidence, file);
        writer.write(evidence, out);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", firing.started().toString());
        line.put("scheduled", firing.scheduled().toString());
        line.put("schedule", firing.schedule());
        line.put("component", evidence.component());
        line.put("scenarios", evidence.scenarios().stream().map(s -> s.scenario()).toList());
        line.put("score", evidence.resilienceMetrics().overallScore());
        line.put("verdict", evidence.run().verdict());
        line.put("exit_code", evidence.run().exitCode());
        line.put("run", evidence.run().id());
        line.put("host", evidence.run().host());
        line.put("node", firing.node());
        line.put("recovering", firing.recovering());
        line.put("evidence", out.relativize(file).toString());
        // One write with O_APPEND: lines of nodes sharing the directory do not interleave.
        Files.write(index(), (EvidenceWriter.JSON.writer().without(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return file;
    }

    /** {@code <time>.json}, or {@code <time>-2.json} when a recovered firing already left one. */
    private static Path freeName(Path dir, String base) {
        Path file = dir.resolve(base + ".json");
        for (int n = 2; Files.exists(file); n++) file = dir.resolve(base + "-" + n + ".json");
        return file;
    }
}
