package dev.shakedown.dsl;

import groovy.lang.Closure;

/** Runs a script block against its builder, the way {@code @DelegatesTo(strategy = DELEGATE_FIRST)} promises. */
final class Closures {
    private Closures() {}

    /** A copy of {@code block} whose names resolve on {@code delegate} first, then where it was written. */
    static <T> Closure<T> delegatingTo(Closure<T> block, Object delegate) {
        @SuppressWarnings("unchecked")
        Closure<T> copy = (Closure<T>) block.clone();
        copy.setDelegate(delegate);
        copy.setResolveStrategy(Closure.DELEGATE_FIRST);
        return copy;
    }

    static void run(Closure<?> block, Object delegate) {
        delegatingTo(block, delegate).call();
    }
}
