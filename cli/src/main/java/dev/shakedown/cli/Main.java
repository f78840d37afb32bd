package dev.shakedown.cli;

import dev.shakedown.demo.QuickExit;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code shakedown} command. */
@Command(name = "shakedown",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Chaos experiments written in Groovy: real faults, always rolled back, honest evidence.",
        subcommands = {RunCommand.class, PlanCommand.class, ScheduleCommand.class, RollbackCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every scenario passed",
                "1:some check failed",
                "2:script or usage error",
                "3:aborted (interrupt or abort condition)",
                "4:precondition failed (steady state not met, nothing injected)",
                "5:another experiment is running on this host or state directory (see --wait)"})
public final class Main {
    public static final int SCRIPT_ERROR = 2;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        // The probes' HTTP client would otherwise hold the exit back by 300 ms (see QuickExit).
        QuickExit.endHttpClientSelectors();
        System.exit(code);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, ex.getCommandLine().getErr());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return SCRIPT_ERROR;
        });
        cli.setExecutionExceptionHandler(new FriendlyErrors());
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"shakedown " + dev.shakedown.engine.evidence.EngineVersion.get()};
        }
    }
}
