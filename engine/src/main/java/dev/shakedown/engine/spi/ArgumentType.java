package dev.shakedown.engine.spi;

import java.util.List;

/**
 * What one positional argument of a fault may be, so that a script can be checked before it runs
 * ({@code shakedown plan --strict}): {@code kill(42)} is a mistake the moment it is written.
 *
 * @param what     the argument in a script author's words: {@code "the name of a process"}
 * @param accepted the Java types a value may have
 */
public record ArgumentType(String what, List<Class<?>> accepted) {
    public ArgumentType {
        accepted = List.copyOf(accepted);
    }

    public ArgumentType(String what, Class<?>... accepted) {
        this(what, List.of(accepted));
    }

    /**
     * Whether a value whose type is known only as {@code type} might be acceptable: a type that is too
     * general to tell ({@code Object}, {@code CharSequence} for a name) passes, only a type that can never
     * be one of {@link #accepted} fails.
     */
    public boolean mayAccept(Class<?> type) {
        return accepted.stream().anyMatch(a -> a.isAssignableFrom(type) || type.isAssignableFrom(a));
    }
}
