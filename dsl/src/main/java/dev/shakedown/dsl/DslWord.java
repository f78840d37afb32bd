package dev.shakedown.dsl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * What the word gives, so that {@code plan --strict} can check what a script does with it
     * ({@code http.get(url).status}); {@code Object} when that is not known.
     */
    default Class<?> resultType() {
        return Object.class;
    }

    /** The delegate of a block given to the word ({@code dns { record ... }}), for {@code plan --strict}; empty when it takes none. */
    default Optional<Class<?>> blockDelegate() {
        return Optional.empty();
    }

    /**
     * Called while the script builds its plan. Must start nothing: declare resources through
     * {@code build} instead. Throw {@link DslException} for a mistake in the script.
     */
    Object call(BuildContext build, Map<String, Object> named, List<Object> args);
}
