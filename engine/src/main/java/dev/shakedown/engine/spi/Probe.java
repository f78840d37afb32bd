package dev.shakedown.engine.spi;

/**
 * A yes/no question about the system ("does the gateway answer 503?"). The engine asks it at the
 * condition's interval; an exception counts as "no" and is recorded with the observation.
 */
@FunctionalInterface
public interface Probe {
    boolean test() throws Exception;
}
