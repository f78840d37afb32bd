package dev.shakedown.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code <audit-dir>/audit.log}, one JSON line per answered request. Every record opens, appends and closes the
 * file, so a disk fault, a full disk or a removed directory fails the very request it hits.
 */
final class AuditLog {
    static final String FILE_NAME = "audit.log";

    private final Path dir;
    private final Path file;

    AuditLog(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
    }

    void append(String subject, String action, boolean allowed) throws FailClosedException {
        String line = "{\"time\":" + Json.quote(Json.time(Instant.now()))
                + ",\"subject\":" + Json.quote(subject)
                + ",\"action\":" + Json.quote(action)
                + ",\"decision\":" + Json.quote(allowed ? "allow" : "deny") + "}\n";
        try {
            // one write of the whole line with O_APPEND: concurrent requests never interleave within a line
            Files.write(file, line.getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new FailClosedException(Reason.AUDIT_FAILED, e);
        }
    }

    /**
     * For {@code /health}: writes and removes a new probe file, which needs what an audit record needs (a
     * writable directory with free space) without putting health checks into the audit trail.
     */
    void checkWritable() throws FailClosedException {
        try {
            Path probe = Files.createTempFile(dir, ".health-", ".probe");
            try {
                Files.write(probe, new byte[] {'\n'});
            } finally {
                Files.delete(probe);
            }
        } catch (IOException e) {
            throw new FailClosedException(Reason.AUDIT_FAILED, e);
        }
    }
}
