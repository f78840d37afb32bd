package dev.shakedown.engine.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.spi.UndoAction;
import dev.shakedown.engine.spi.UndoRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerReplayTest {
    @TempDir Path state;

    /** Records what it undid; fails for data with "fail", throws for data with "throw". */
    static final class Recording implements UndoAction {
        final List<String> undone = new ArrayList<>();

        @Override
        public String action() {
            return "test";
        }

        @Override
        public Outcome undo(Map<String, Object> data) {
            if (data.containsKey("fail")) return Outcome.failed("it would not go");
            if (data.containsKey("throw")) throw new IllegalStateException("boom");
            undone.add(String.valueOf(data.get("name")));
            return Outcome.done("undid " + data.get("name"));
        }
    }

    private static UndoRecord test(String name) {
        return new UndoRecord("test", Map.of("name", name), "undo " + name + " by hand");
    }

    @Test
    void undoesOpenRecordsNewestFirstAndMarksThemUndone() throws Exception {
        try (Ledger ledger = Ledger.open(state, "run-a")) {
            ledger.open("fault", "one", test("one"));
            long two = ledger.open("fault", "two", test("two"));
            ledger.open("fault", "three", test("three"));
            ledger.open("resource", "nothing", UndoRecord.nothing("nothing was started"));
            ledger.undone(two);
        }
        assertThat(LedgerReplay.list(state)).extracting(LedgerReplay.OpenRecord::what)
                .containsExactly("nothing", "three", "one");

        Recording action = new Recording();
        LedgerReplay.Report report = new LedgerReplay(Map.of("test", action)).replay(state);

        assertThat(action.undone).containsExactly("three", "one");
        assertThat(report.undone()).extracting(u -> u.record().what()).containsExactly("nothing", "three", "one");
        assertThat(report.left()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(LedgerReplay.list(state)).isEmpty();
        assertThat(LedgerReader.openRecords(state.resolve("ledger/run-a.jsonl"))).isEmpty();

        // Idempotent: a second replay finds nothing and undoes nothing again.
        LedgerReplay.Report again = new LedgerReplay(Map.of("test", action)).replay(state);
        assertThat(again.undone()).isEmpty();
        assertThat(action.undone).containsExactly("three", "one");
    }

    @Test
    void aRecordThatCannotBeUndoneStaysOpenWithWhatAPersonMustDo() throws Exception {
        try (Ledger ledger = Ledger.open(state, "run-b")) {
            ledger.open("fault", "stubborn", new UndoRecord("test", Map.of("fail", true), "rm /tmp/stubborn"));
            ledger.open("fault", "throwing", new UndoRecord("test", Map.of("throw", true), "kill -CONT 42"));
            ledger.open("fault", "alien", new UndoRecord("martian", Map.of(), "ask the martians"));
            ledger.open("fault", "fine", test("fine"));
        }
        Recording action = new Recording();
        LedgerReplay.Report report = new LedgerReplay(Map.of("test", action)).replay(state);

        assertThat(report.clean()).isFalse();
        assertThat(report.undone()).extracting(u -> u.record().what()).containsExactly("fine");
        assertThat(report.left()).extracting(l -> l.record().what()).containsExactly("alien", "throwing", "stubborn");
        assertThat(report.left().get(0).instruction()).contains("martian").contains("ask the martians");
        assertThat(report.left().get(1).reason()).isEqualTo("boom");
        assertThat(report.left().get(2).instruction()).contains("it would not go").contains("rm /tmp/stubborn");
        assertThat(LedgerReplay.list(state)).extracting(LedgerReplay.OpenRecord::what)
                .containsExactly("alien", "throwing", "stubborn");

        // Still open, so the next replay tries them again (and leaves them again).
        assertThat(new LedgerReplay(Map.of("test", action)).replay(state).left()).hasSize(3);
    }

    @Test
    void newestFirstAcrossLedgersAndATornLastLineIsSkipped() throws Exception {
        try (Ledger older = Ledger.open(state, "run-old")) {
            older.open("fault", "old", test("old"));
        }
        Thread.sleep(5);
        try (Ledger newer = Ledger.open(state, "run-new")) {
            newer.open("fault", "new", test("new"));
        }
        Files.writeString(state.resolve("ledger/run-new.jsonl"), "{\"seq\":2,\"state\":\"op",
                java.nio.file.StandardOpenOption.APPEND);
        Recording action = new Recording();
        new LedgerReplay(Map.of("test", action)).replay(state);
        assertThat(action.undone).containsExactly("new", "old");
    }

    @Test
    void aLedgerALiveEngineHoldsIsLeftAlone() {
        try (Ledger live = Ledger.open(state, "run-live")) {
            live.open("fault", "in effect", test("live"));
            Recording action = new Recording();
            LedgerReplay.Report report = new LedgerReplay(Map.of("test", action)).replay(state);
            assertThat(action.undone).isEmpty();
            assertThat(report.skipped()).containsExactly(live.file());
            assertThat(LedgerReplay.list(state)).hasSize(1);
        }
        Recording action = new Recording();
        new LedgerReplay(Map.of("test", action)).replay(state);
        assertThat(action.undone).containsExactly("live");
    }
}
