package dev.shakedown.engine.ledger;

import dev.shakedown.engine.evidence.Secrets;
import dev.shakedown.engine.spi.UndoRecord;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write-ahead fault ledger: one JSON line per undo record, fsynced before the fault or resource it
 * describes takes effect, and one more line when it has been undone. A record with no "undone" line is
 * still open: its fault may be in effect, and the undo record says how to end it.
 *
 * <pre>{"seq":1,"state":"open","at":"...","kind":"fault","what":"kill('guardian')","undo":{...}}
 * {"seq":1,"state":"undone","at":"..."}</pre>
 */
public final class Ledger implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    /**
     * Written through the stream, never through its channel: a thread interrupted during FileChannel I/O closes
     * the channel for every thread, and a signal interrupts the run's thread at any moment, rollback included.
     */
    private final FileOutputStream out;
    private long nextSeq = 1;

    private Ledger(Path file, FileOutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Opens (creating) {@code <stateDir>/ledger/<runId>.jsonl}, owner-only. */
    public static Ledger open(Path stateDir, String runId) {
        try {
            Path dir = stateDir.resolve("ledger");
            OwnerOnly.createDirectories(dir);
            OwnerOnly.restrict(dir);
            Path file = dir.resolve(runId + ".jsonl");
            if (!Files.exists(file)) OwnerOnly.createFile(file);
            OwnerOnly.restrict(file);
            FileOutputStream out = new FileOutputStream(file.toFile(), true);
            lockWhileOpen(out.getChannel());
            return new Ledger(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the fault ledger under " + stateDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Holds an exclusive lock on the file for as long as this engine lives: a replay skips a ledger someone
     * holds, so it never undoes the faults of a run still going. The kernel drops the lock when the process
     * dies, however it dies.
     */
    private static void lockWhileOpen(FileChannel channel) {
        try {
            channel.tryLock();
        } catch (OverlappingFileLockException alreadyHeldHere) {
            // this JVM holds it already
        } catch (IOException noLocksHere) {
            // a file system without locks: the ledger still works, only a concurrent replay cannot tell
        }
    }

    public Path file() {
        return file;
    }

    /** Appends an open undo record and forces it to disk; returns its sequence number. */
    public synchronized long open(String kind, String what, UndoRecord undo) {
        long seq = nextSeq++;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("state", "open");
        line.put("at", Instant.now().toString());
        line.put("kind", kind);
        line.put("what", Secrets.redact(what));
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("action", undo.action());
        u.put("data", undo.data());
        // The undo data stays exact (rollback and replay identify processes by it; the file is owner-only),
        // the text meant for people is masked like the evidence.
        u.put("manual", Secrets.redact(undo.manual()));
        line.put("undo", u);
        append(line);
        return seq;
    }

    /** Marks a record undone, forced to disk. */
    public synchronized void undone(long seq) {
        append(undoneLine(seq));
    }

    static Map<String, Object> undoneLine(long seq) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", seq);
        line.put("state", "undone");
        line.put("at", Instant.now().toString());
        return line;
    }

    /**
     * Appends one JSON line and forces it to disk before returning. fsync, where {@link #append(FileChannel, Path, Map)}
     * has fdatasync: about the same here, since every append changes the file's size, which both must write.
     */
    private void append(Map<String, Object> line) {
        try {
            out.write(jsonLine(line));
            out.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] jsonLine(Map<String, Object> line) {
        return (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one JSON line to a ledger that a replay holds, and forces it to disk before returning. */
    static void append(FileChannel channel, Path file, Map<String, Object> line) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(jsonLine(line));
            while (buffer.hasRemaining()) channel.write(buffer);
            // fdatasync: the data and the file size that makes it readable, without timestamps.
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault ledger " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // Every line was forced when written; nothing is lost by a failed close.
        }
    }
}
