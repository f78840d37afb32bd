package dev.shakedown.cli;

import dev.shakedown.engine.ledger.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The state directories of the {@code schedule} nodes of this host, one per line in a file next to the
 * host's run lock ({@code /run/shakedown.lock.states}). Each node lists its own when it starts, and replays
 * the ledgers of all of them before a firing: a node killed mid-experiment left its faults open in its own
 * state directory, and whichever node of this host runs next (the one that recovers the firing, or the dead
 * one restarted) undoes them before it injects anything. Read and written only under the host's run lock;
 * the replay skips a ledger that a live engine holds, so a neighbour's running experiment is never touched.
 */
final class HostStateDirs {
    private HostStateDirs() {}

    static Path file() {
        Path lock = RunLock.hostLockFile();
        return lock.resolveSibling(lock.getFileName() + ".states");
    }

    /**
     * Lists {@code state} (absolute) unless it is listed, drops directories that no longer exist, and returns
     * the list with {@code state} first. The caller holds the host's run lock.
     */
    static List<Path> register(Path state) throws IOException {
        Path own = state.toAbsolutePath().normalize();
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(own);
        dirs.addAll(listed());
        List<Path> existing = new ArrayList<>(dirs.stream().filter(Files::isDirectory).toList());
        Path file = file();
        if (!Files.exists(file)) OwnerOnly.createFile(file);
        Files.write(file, existing.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        return existing;
    }

    private static List<Path> listed() throws IOException {
        Path file = file();
        if (!Files.exists(file)) return List.of();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
    }
}
