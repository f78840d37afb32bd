package dev.shakedown.demo;

/** A dependency failed in a way that forbids serving the request. */
final class FailClosedException extends Exception {
    private final Reason reason;

    FailClosedException(Reason reason, Throwable cause) {
        // no stack trace: under a fault this is thrown on every request, and the reason says what happened
        super(reason.wire(), cause, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
