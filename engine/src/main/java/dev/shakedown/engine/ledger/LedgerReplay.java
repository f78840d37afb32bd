package dev.shakedown.engine.ledger;

import dev.shakedown.engine.spi.UndoAction;
import dev.shakedown.engine.spi.UndoAction.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the fault ledger: every undo record left open under {@code <state>/ledger} by an engine that died
 * is undone, newest first, by the {@link UndoAction} named in it, and marked undone (fsynced) when that
 * worked. A record that cannot be undone stays open and is reported with what a person must do. Ledgers
 * an engine still holds (it locks its ledger while it lives) are left alone.
 */
public final class LedgerReplay {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The action of records with nothing to undo. */
    public static final String NONE = "none";

    private final Map<String, UndoAction> actions;

    public LedgerReplay(Map<String, UndoAction> actions) {
        this.actions = Map.copyOf(actions);
    }

    /** One open record. */
    public record OpenRecord(Path ledger, long seq, String at, String kind, String what, String action,
                             Map<String, Object> data, String manual) {
        public String runId() {
            String name = ledger.getFileName().toString();
            return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        }
    }

    /** A record undone now, with the step's note. */
    public record Undone(OpenRecord record, String note) {}

    /** A record left open: why, and what a person must do ({@link OpenRecord#manual()}). */
    public record Left(OpenRecord record, String reason) {
        /** One sentence for a person. */
        public String instruction() {
            String manual = record.manual() == null || record.manual().isBlank() ? "end it by hand" : record.manual();
            return "run " + record.runId() + " #" + record.seq() + " " + record.what() + " (" + record.action() + "): "
                    + reason + "; a person must: " + manual;
        }
    }

    /** What a replay did; {@code skipped} are ledgers a live engine holds. */
    public record Report(List<Undone> undone, List<Left> left, List<Path> skipped) {
        public boolean clean() {
            return left.isEmpty();
        }
    }

    /** The open records of every ledger under {@code stateDir}, newest first; touches nothing. */
    public static List<OpenRecord> list(Path stateDir) {
        List<OpenRecord> all = new ArrayList<>();
        for (Path file : ledgers(stateDir)) all.addAll(openRecords(file));
        all.sort(NEWEST_FIRST);
        return all;
    }

    private static final Comparator<OpenRecord> NEWEST_FIRST =
            Comparator.comparing(OpenRecord::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingLong(OpenRecord::seq).reversed();

    /** Undoes every open record of every ledger no live engine holds. */
    public Report replay(Path stateDir) {
        List<Undone> undone = new ArrayList<>();
        List<Left> left = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        List<Held> held = new ArrayList<>();
        try {
            List<OpenRecord> open = new ArrayList<>();
            for (Path file : ledgers(stateDir)) {
                List<OpenRecord> records = openRecords(file);
                if (records.isEmpty()) continue;
                Held h = Held.take(file);
                if (h == null) {
                    skipped.add(file);
                    continue;
                }
                held.add(h);
                open.addAll(openRecords(file)); // read again under the lock: another replay may have just ended
            }
            open.sort(NEWEST_FIRST);
            for (OpenRecord record : open) {
                Outcome outcome = undo(record);
                if (outcome.undone()) {
                    Held h = held.stream().filter(x -> x.file.equals(record.ledger())).findFirst().orElseThrow();
                    Ledger.append(h.channel, h.file, Ledger.undoneLine(record.seq()));
                    undone.add(new Undone(record, outcome.note()));
                } else {
                    left.add(new Left(record, outcome.note()));
                }
            }
        } finally {
            held.forEach(Held::close);
        }
        return new Report(List.copyOf(undone), List.copyOf(left), List.copyOf(skipped));
    }

    private Outcome undo(OpenRecord record) {
        if (NONE.equals(record.action())) return Outcome.done("nothing to undo");
        UndoAction action = actions.get(record.action());
        if (action == null) return Outcome.failed("no replay step knows the action '" + record.action() + "'");
        try {
            Outcome outcome = action.undo(record.data());
            return outcome == null ? Outcome.failed("the replay step gave no outcome") : outcome;
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Outcome.failed(message);
        }
    }

    /** A ledger file locked for the replay, so two replays never undo the same record at once. */
    private record Held(Path file, FileChannel channel, FileLock lock) {
        static Held take(Path file) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return null;
                }
                return new Held(file, channel, lock);
            } catch (OverlappingFileLockException liveInThisProcess) {
                closeQuietly(channel);
                return null;
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("cannot open the fault ledger " + file + ": " + e.getMessage(), e);
            }
        }

        void close() {
            closeQuietly(channel); // releases the lock
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel == null) return;
            try {
                channel.close();
            } catch (IOException ignored) {
                // every line was forced when written
            }
        }
    }

    private static List<Path> ledgers(Path stateDir) {
        Path dir = stateDir.resolve("ledger");
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) return files;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.jsonl")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the fault ledgers in " + dir + ": " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /** A record is open if no later line for its seq says undone; a torn last line (a crash mid-write) is skipped. */
    static List<OpenRecord> openRecords(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fault ledger " + file + ": " + e.getMessage(), e);
        }
        Map<Long, OpenRecord> open = new LinkedHashMap<>();
        for (String text : lines) {
            if (text.isBlank()) continue;
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (JacksonException torn) {
                continue;
            }
            if (line == null || !line.has("seq") || !line.has("state")) continue;
            long seq = line.get("seq").asLong();
            if (!"open".equals(line.get("state").asString())) {
                open.remove(seq);
                continue;
            }
            JsonNode undo = line.path("undo");
            @SuppressWarnings("unchecked")
            Map<String, Object> data = undo.has("data") ? JSON.convertValue(undo.get("data"), Map.class) : Map.of();
            open.put(seq, new OpenRecord(file, seq, text(line, "at"), text(line, "kind"), text(line, "what"),
                    undo.has("action") ? undo.get("action").asString() : "?", data, text(undo, "manual")));
        }
        return new ArrayList<>(open.values());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
