package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.evidence.EvidenceSchema;
import dev.shakedown.engine.evidence.EvidenceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** Reads an evidence file and checks it against the schema first. */
final class Evidence {
    private Evidence() {}

    static JsonNode read(Path outDir, String component) throws IOException {
        Path file = outDir.resolve(component + "_chaos_resilience_validation.json");
        assertThat(file).exists();
        String json = Files.readString(file);
        assertThat(EvidenceSchema.violations(json)).as("schema violations").isEmpty();
        return EvidenceWriter.JSON.readTree(json);
    }

    static JsonNode validation(JsonNode scenario, String check) {
        for (JsonNode v : scenario.get("validations")) if (v.get("check").asString().equals(check)) return v;
        throw new AssertionError("no validation " + check + " in " + scenario.get("validations"));
    }
}
