package dev.shakedown.engine.run;

import java.util.Map;

/** Something that happened during the run besides steps and observations (a process restarted). */
public record RunEvent(long atNanos, String kind, Map<String, Object> data) {
    public RunEvent {
        data = Map.copyOf(data);
    }
}
