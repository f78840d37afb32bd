package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.Durations;
import java.time.Duration;
import java.util.Optional;

/** What a link fault does to the data of a connection it selects. */
sealed interface Effect {
    /** For {@code describe} and the evidence: what happens to the data. */
    String describe();

    /**
     * Data stops (a blackhole, or a stalled dependency); the connection stays open, or is closed
     * {@code closeAfter} after the stall began for it.
     */
    record Stall(Optional<Duration> closeAfter) implements Effect {
        public String describe() {
            return closeAfter.map(d -> "stall all data, then close the connections " + Durations.format(d) + " later")
                    .orElse("stall all data (connections stay open, new ones are accepted and hang)");
        }
    }

    /** Connections are reset (RST) as soon as the fault selects them: the open ones and every new one. */
    record Reset() implements Effect {
        public String describe() {
            return "reset every connection (RST), new ones as soon as they connect";
        }
    }

    /** Every chunk is held for {@code delay}, give or take up to {@code jitter}, counted from its arrival. */
    record Delay(Duration delay, Duration jitter) implements Effect {
        public String describe() {
            return "delay all data by " + Durations.format(delay) + (jitter.isZero() ? "" : " ± " + Durations.format(jitter));
        }
    }

    /** Each selected connection carries at most {@code rate} in each direction the fault covers. */
    record Throttle(ByteRate rate) implements Effect {
        public String describe() {
            return "limit each connection to " + rate;
        }
    }
}
