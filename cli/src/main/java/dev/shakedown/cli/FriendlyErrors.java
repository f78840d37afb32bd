package dev.shakedown.cli;

import picocli.CommandLine;

/**
 * The last line of defence: an unexpected exception becomes one sentence on stderr. The stack trace
 * is printed only with {@code --debug}.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean debug = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cli.getErr().println("shakedown: " + message);
        if (debug) ex.printStackTrace(cli.getErr());
        else cli.getErr().println("(run again with --debug for the details)");
        return 1;
    }
}
