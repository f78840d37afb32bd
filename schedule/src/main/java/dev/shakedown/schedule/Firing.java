package dev.shakedown.schedule;

import dev.shakedown.engine.plan.ScheduleSpec.Misfire;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One firing of a schedule: which scenarios of which script (empty: all), when it was due and when it
 * started, on which node (the Quartz instance id: host name and start time); {@code recovering} when a node
 * died running it and this is its second attempt; {@code misfire}, what to do when it cannot start in time.
 */
public record Firing(Path script, List<String> scenarios, String schedule, Instant scheduled, Instant started, String node,
                     boolean recovering, Misfire misfire) {
    public Firing {
        scenarios = List.copyOf(scenarios);
    }
}
