package dev.shakedown.stdlib.host;

/**
 * The CPU helper process: {@code --cores} burner threads, each running a {@link DutyCycle} at
 * {@code --load} (a fraction). Prints {@code ready} once all threads run; runs until killed, or until the
 * engine is gone ({@link DeadMansSwitch}).
 */
public final class CpuBurnerMain {
    static final String CORES = "--cores";
    static final String LOAD = "--load";
    static final String READY = "ready";

    private CpuBurnerMain() {}

    public static void main(String[] args) {
        HelperArguments arguments = HelperArguments.parse(args);
        DeadMansSwitch.arm(arguments);
        int cores = Integer.parseInt(arguments.value(CORES));
        double load = Double.parseDouble(arguments.value(LOAD));
        for (int i = 0; i < cores; i++) {
            Thread burner = new Thread(new DutyCycle(load), "burner-" + i);
            burner.start();
        }
        System.out.println(READY);
        System.out.flush();
    }
}
