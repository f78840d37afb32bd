package dev.shakedown.engine.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes evidence as {@code <out>/<component>_chaos_resilience_validation.json}, atomically. */
public final class EvidenceWriter {
    public static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    public static String fileName(String component) {
        return component + "_chaos_resilience_validation.json";
    }

    /** The evidence as the file holds it: JSON, with secrets masked. */
    public static String render(Evidence evidence) {
        return JSON.writeValueAsString(Secrets.redact(JSON.<tools.jackson.databind.JsonNode>valueToTree(evidence)));
    }

    public Path write(Evidence evidence, Path outDir) throws IOException {
        return writeTo(evidence, outDir.resolve(fileName(evidence.component())));
    }

    /** Writes the evidence as that file, atomically (a history keeps one per run under names of its own). */
    public Path writeTo(Evidence evidence, Path target) throws IOException {
        Path outDir = target.toAbsolutePath().getParent();
        Files.createDirectories(outDir);
        // createTempFile makes it rw------- on POSIX; the rename keeps that, so the evidence is owner-only.
        Path tmp = Files.createTempFile(outDir, ".evidence", ".tmp");
        dev.shakedown.engine.ledger.OwnerOnly.restrict(tmp);
        try {
            Files.writeString(tmp, render(evidence));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
