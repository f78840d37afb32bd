package dev.shakedown.cli;

import dev.shakedown.engine.ledger.LedgerReplay;
import dev.shakedown.engine.ledger.LedgerReplay.OpenRecord;
import dev.shakedown.engine.spi.Registry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Undo what an engine that died left in effect: replay every open record of the fault ledger, "
                + "newest first.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing is left open", "1:some record could not be undone (each says what a person must do)"})
final class RollbackCommand implements Callable<Integer> {
    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".shakedown",
            description = "the state directory whose ledger to replay (default: ${DEFAULT-VALUE})")
    Path state;

    @Option(names = "--list", description = "show the open records; touch nothing")
    boolean list;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            List<OpenRecord> open = LedgerReplay.list(state);
            if (open.isEmpty()) out.println("no open ledger records under " + state);
            for (OpenRecord r : open) {
                out.println(r.runId() + " #" + r.seq() + " " + r.at() + " " + r.kind() + " " + r.what() + " -> "
                        + r.action() + " " + r.data() + (r.manual() == null ? "" : " (by hand: " + r.manual() + ")"));
            }
            return 0;
        }
        LedgerReplay.Report report = replay(Registry.fromClasspath(), state, out);
        if (report.undone().isEmpty() && report.left().isEmpty()) out.println("nothing to roll back under " + state);
        return report.clean() ? 0 : 1;
    }

    /** Replays the ledger, printing one line per record undone, left open, or ledger skipped. Shared with {@code run}. */
    static LedgerReplay.Report replay(Registry registry, Path state, PrintWriter out) {
        LedgerReplay.Report report = new LedgerReplay(registry.undoActions()).replay(state);
        for (LedgerReplay.Undone u : report.undone()) {
            OpenRecord r = u.record();
            out.println("rolled back " + r.runId() + " #" + r.seq() + " " + r.what() + ": " + u.note());
        }
        for (LedgerReplay.Left l : report.left()) out.println("STILL OPEN " + l.instruction());
        for (Path p : report.skipped()) out.println("skipped " + p + ": a running engine holds it");
        out.flush();
        return report;
    }
}
