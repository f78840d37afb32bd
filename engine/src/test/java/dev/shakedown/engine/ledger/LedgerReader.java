package dev.shakedown.engine.ledger;

import dev.shakedown.engine.spi.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a ledger file back for tests: which records are still open. */
public final class LedgerReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LedgerReader() {}

    public static List<JsonNode> openRecords(RunContext context) {
        Path stateDir = context.runDirectory().getParent().getParent();
        return openRecords(stateDir.resolve("ledger").resolve(context.runId() + ".jsonl"));
    }

    public static List<JsonNode> openRecords(Path file) {
        Map<Long, JsonNode> open = new LinkedHashMap<>();
        for (JsonNode line : lines(file)) {
            if (line.get("state").asString().equals("open")) open.put(line.get("seq").asLong(), line);
            else open.remove(line.get("seq").asLong());
        }
        return new ArrayList<>(open.values());
    }

    public static List<JsonNode> lines(Path file) {
        try {
            List<JsonNode> out = new ArrayList<>();
            for (String s : Files.readAllLines(file)) if (!s.isBlank()) out.add(JSON.readTree(s));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
