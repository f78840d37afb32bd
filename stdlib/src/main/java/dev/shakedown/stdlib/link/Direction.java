package dev.shakedown.stdlib.link;

import dev.shakedown.engine.validate.Suggestions;
import java.util.Arrays;
import java.util.Locale;

/** Which way a link fault acts: {@code upstream} is client to server, {@code downstream} server to client. */
enum Direction {
    UPSTREAM, DOWNSTREAM, BOTH;

    static Direction parse(Object value) {
        String text = String.valueOf(value).trim();
        for (Direction d : values()) {
            if (d.word().equals(text)) return d;
        }
        throw new IllegalArgumentException("direction must be 'upstream' (client to server), 'downstream' or 'both', not '"
                + text + "'" + Suggestions.didYouMean(text, Arrays.stream(values()).map(Direction::word).toList()));
    }

    /** True if a fault in this direction acts on the flow that goes {@code flow} (never BOTH). */
    boolean covers(Direction flow) {
        return this == BOTH || this == flow;
    }

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
