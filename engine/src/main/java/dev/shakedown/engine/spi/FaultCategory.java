package dev.shakedown.engine.spi;

/** The families of the seed's scenarios; each is summarised as {@code <key>_validated} in the evidence. */
public enum FaultCategory {
    PROCESS("guardian_crash"),
    NETWORK("network_partition"),
    MEMORY("memory_corruption"),
    INFRASTRUCTURE("infrastructure_faults");

    private final String evidenceKey;

    FaultCategory(String evidenceKey) {
        this.evidenceKey = evidenceKey;
    }

    public String evidenceKey() {
        return evidenceKey;
    }
}
