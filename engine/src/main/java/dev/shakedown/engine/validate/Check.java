package dev.shakedown.engine.validate;

/**
 * One check of the seed's validator. A check the scenario gave no expectation for is
 * {@code NOT_APPLICABLE} and costs nothing; {@code penalty} is what a failure cost.
 */
public record Check(String check, Status status, int penalty, String message) {
    public enum Status {
        PASSED, FAILED, NOT_APPLICABLE;

        public String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public boolean passed() {
        return status != Status.FAILED;
    }
}
