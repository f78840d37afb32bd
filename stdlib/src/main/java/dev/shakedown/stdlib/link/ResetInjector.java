package dev.shakedown.stdlib.link;

import dev.shakedown.engine.plan.FaultSpec;
import java.util.List;
import java.util.Set;

/**
 * {@code reset('db')}: every connection of the link is reset (RST), and new ones as soon as they connect.
 * The same as {@code partition('db', mode: 'reset')}. With {@code direction:}, only that side gets the RST
 * ({@code 'downstream'}: the client, {@code 'upstream'}: the server); the other side is closed with a FIN.
 */
public final class ResetInjector extends LinkInjector {
    public ResetInjector() {
        super("reset", "reset every connection of a link (RST), new ones too, until recover", "reset('db')", List.of(), Set.of());
    }

    @Override
    Effect effect(FaultSpec spec) {
        return new Effect.Reset();
    }
}
