package dev.shakedown.dsl;

import java.util.List;
import java.util.Map;

/**
 * A word that a library adds to the script vocabulary, found with {@link java.util.ServiceLoader}
 * (like Jenkins Pipeline steps). {@code demoSystem()} and {@code http} are words of the stdlib. A word
 * used as a property ({@code http.get(...)}) is called with no arguments.
 *
 * <p>Faults are not words: every {@link dev.shakedown.engine.spi.Injector} is offered to scripts
 * under its own name without a word of its own.
 */
public interface DslWord {
    /** The word as scripts write it. */
    String name();

    /** One line for listings and documentation. */
    String summary();

    /**
     * Called while the script builds its plan. Must start nothing: declare resources through
     * {@code build} instead. Throw {@link DslException} for a mistake in the script.
     */
    Object call(BuildContext build, Map<String, Object> named, List<Object> args);
}
