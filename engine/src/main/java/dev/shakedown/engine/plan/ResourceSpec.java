package dev.shakedown.engine.plan;

import java.util.Map;

/**
 * A part of the system the run owns or attaches to ({@code process 'guardian', command: [...]}). The
 * {@code kind} names the {@link dev.shakedown.engine.spi.ResourceType} that starts it.
 */
public record ResourceSpec(String kind, String name, Map<String, Object> options, SourceRef source) {
    public ResourceSpec {
        options = Map.copyOf(options);
    }
}
