package dev.shakedown.engine.plan;

import java.util.List;
import java.util.Map;

/**
 * When to run scenarios again: a Quartz cron expression, and options such as {@code timezone}.
 * {@code scenarios} is empty for "all".
 */
public record ScheduleSpec(List<String> scenarios, String cron, Map<String, Object> options, SourceRef source) {
    public ScheduleSpec {
        scenarios = List.copyOf(scenarios);
        options = Map.copyOf(options);
    }
}
