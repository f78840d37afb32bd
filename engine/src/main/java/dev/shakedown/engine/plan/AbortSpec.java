package dev.shakedown.engine.plan;

import dev.shakedown.engine.spi.AbortProbe;
import java.time.Duration;

/**
 * A condition that ends the run when it is observed true ({@code abortWhen { errorRate > 50.percent }}):
 * asked every {@code every} from a scenario's first injection to its end; when it fires, every fault is rolled back
 * at once, the scenario is {@code aborted} and no further scenario runs.
 *
 * @param name how the evidence and the plan name it (the script's expression when the script gives no name)
 */
public record AbortSpec(String name, Duration every, AbortProbe probe, SourceRef source) {
    public static final Duration DEFAULT_EVERY = Duration.ofMillis(50);
}
