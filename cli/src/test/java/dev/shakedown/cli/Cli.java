package dev.shakedown.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in this JVM and captures what it prints. */
final class Cli {
    static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * After a test that ran the CLI as its own process: ends it and what it launched, and unmounts any tmpfs
     * left under {@code dir} (a killed engine leaves its mounts to the ledger's replay).
     */
    static void killAndUnmount(Process cli, Path dir) throws IOException, InterruptedException {
        if (cli != null) {
            cli.descendants().forEach(ProcessHandle::destroyForcibly);
            cli.destroyForcibly().waitFor();
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String point = line.split(" ")[4];
            if (point.startsWith(dir.toString())) new ProcessBuilder("umount", "-l", point).inheritIO().start().waitFor();
        }
    }

    private Cli() {}
}
