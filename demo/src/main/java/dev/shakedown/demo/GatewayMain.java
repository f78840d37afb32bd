package dev.shakedown.demo;

/**
 * {@code gateway} as a process; flags in {@link GatewayConfig#USAGE}. Prints {@code ready <port>} once it listens.
 * It starts whether or not its dependencies are up: until they are, it fails closed.
 */
public final class GatewayMain {
    private GatewayMain() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parseOrExit(argv, GatewayConfig.USAGE, GatewayConfig.VALUE_FLAGS, GatewayConfig.SWITCH_FLAGS);
        GatewayConfig config = args.orExit(GatewayConfig::from);
        if (args.has("watch-parent")) ParentWatch.haltWhenParentDies();
        Gateway gateway = Gateway.start(config);
        // the HTTP server's threads are not daemons: the process serves until it is killed
        QuickExit.closeOnExit(gateway);
        System.out.println("ready " + gateway.port());
    }
}
