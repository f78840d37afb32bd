package dev.shakedown.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shakedown.demo.StateLog.State;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLogTest {
    @TempDir
    Path dir;

    @Test
    void writesTheFirstOutcomeAndThenOnlySwitches() throws Exception {
        Path file = dir.resolve("logs/events.jsonl");
        long before = Event.nowMicros();
        try (StateLog log = new StateLog(file)) {
            log.record(State.OK);
            log.record(State.OK);
            log.record(State.failClosed(Reason.GUARDIAN_UNREACHABLE));
            log.record(State.failClosed(Reason.GUARDIAN_UNREACHABLE));
            log.record(State.failClosed(Reason.GUARDIAN_TIMEOUT));
            log.record(State.failOpen(Reason.GUARDIAN_TIMEOUT));
            log.record(State.OK);
        }
        long after = Event.nowMicros();

        assertThat(Event.read(file)).extracting(Event::state, Event::reason).containsExactly(
                tuple("ok", null),
                tuple("fail-closed", "guardian-unreachable"),
                tuple("fail-closed", "guardian-timeout"),
                tuple("fail-open", "guardian-timeout"),
                tuple("ok", null));
        assertThat(Event.read(file)).extracting(Event::epochMicros).isSorted().allSatisfy(
                micros -> assertThat(micros).isBetween(before, after));
    }

    @Test
    void eachLineIsOnDiskAsSoonAsItIsRecorded() throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (StateLog log = new StateLog(file)) {
            log.record(State.failClosed(Reason.DB_TIMEOUT));

            assertThat(Files.readAllLines(file)).singleElement()
                    .satisfies(line -> assertThat(Event.parse(line).reason()).isEqualTo("db-timeout"));
        }
    }

    @Test
    void appendsToAnExistingLogAndStopsRecordingWhenClosed() throws Exception {
        Path file = Files.writeString(dir.resolve("events.jsonl"),
                "{\"time\":\"2025-01-02T03:04:05.000001Z\",\"epochMicros\":1735787045000001,\"state\":\"ok\",\"reason\":null}\n");
        StateLog log = new StateLog(file);
        log.record(State.failClosed(Reason.AUDIT_FAILED));
        log.close();
        log.record(State.OK);

        assertThat(Event.read(file)).extracting(Event::state).containsExactly("ok", "fail-closed");
    }
}
