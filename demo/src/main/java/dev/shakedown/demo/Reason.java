package dev.shakedown.demo;

/** Why the gateway fails closed; {@link #wire()} is what {@code X-Fail-Closed}, {@code /health} and the event log say. */
public enum Reason {
    /** The guardian refused or dropped the connection. */
    GUARDIAN_UNREACHABLE("guardian-unreachable"),
    /** The guardian did not connect within 250 ms or answer within 500 ms. */
    GUARDIAN_TIMEOUT("guardian-timeout"),
    /** The guardian answered something other than a 200 with a readable decision. */
    GUARDIAN_ERROR("guardian-error"),
    /** The guardian's host name did not resolve: no DNS answer in 250 ms, NXDOMAIN, SERVFAIL or no address. */
    DNS_FAILURE("dns-failure"),
    /** The decision's time is further from the gateway's clock than the tolerance. */
    STALE_DECISION("stale-decision"),
    /** The database refused or dropped the connection, or failed the query. */
    DB_UNAVAILABLE("db-unavailable"),
    /** The database did not connect or answer in time. */
    DB_TIMEOUT("db-timeout"),
    /** The audit record could not be written. */
    AUDIT_FAILED("audit-failed");

    private final String wire;

    Reason(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
