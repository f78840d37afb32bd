package dev.shakedown.engine.spi;

/**
 * One request of background load. Throwing means the request failed (timeout, refused connection);
 * returning describes the answer.
 */
@FunctionalInterface
public interface LoadAction {
    LoadOutcome perform() throws Exception;

    /**
     * @param status           the protocol status (HTTP status code), or 0 where there is none
     * @param failClosedReason why the system refused deliberately (the {@code X-Fail-Closed} header), or
     *                         null when it did not; a deliberate refusal is not an error
     */
    record LoadOutcome(int status, String failClosedReason) {
        public boolean failClosed() {
            return failClosedReason != null;
        }

        /** A 5xx that is not a deliberate fail-closed answer is an error; so is any exception. */
        public boolean error() {
            return status >= 500 && !failClosed();
        }
    }
}
