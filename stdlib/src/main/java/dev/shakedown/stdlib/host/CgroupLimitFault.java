package dev.shakedown.stdlib.host;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.UndoRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code memory(target: 'gateway', limit: 128.mb)}: a cgroup of our own, made a child of the one the
 * target is in (so the limits above still hold), with the limit set before the target moves in. The
 * target's memory from before the move stays charged where it was (moving it would fail outright for a
 * process already above the limit); what it allocates from now on counts against the limit, and past it
 * the kernel reclaims and at last OOM-kills the target, which the evidence then shows as a real outcome.
 */
final class CgroupLimitFault implements Fault {
    /** The action of this fault's ledger record; data: path, pids, restoreTo. */
    static final String UNDO_ACTION = "cgroup-remove";
    private static final long RMDIR_TRIES = 40;

    private final String target;
    private final List<Long> pids;
    private final Path original;
    private final Path group;
    private final ByteSize limit;
    private final Map<String, Object> details = new LinkedHashMap<>();

    CgroupLimitFault(String target, List<Long> pids, Path original, String groupName, ByteSize limit) {
        this.target = target;
        this.pids = List.copyOf(pids);
        this.original = original;
        this.group = original.resolve(groupName);
        this.limit = limit;
        details.put("target", target);
        details.put("pids", this.pids);
        details.put("cgroup", group.toString());
        details.put("limitBytes", limit.bytes());
    }

    @Override
    public UndoRecord undoRecord() {
        String moveBack = pids.stream().map(pid -> "echo " + pid + " > " + original.resolve("cgroup.procs"))
                .reduce((a, b) -> a + "; " + b).orElse("");
        return new UndoRecord(UNDO_ACTION, Map.of("path", group.toString(), "pids", pids, "restoreTo", original.toString()),
                moveBack + "; rmdir " + group);
    }

    @Override
    public void apply() throws IOException {
        Files.createDirectory(group);
        MemoryCgroups.write(group, "memory.limit_in_bytes", String.valueOf(limit.bytes()));
        for (long pid : pids) MemoryCgroups.move(pid, group);
    }

    @Override
    public void rollback() throws IOException {
        if (!Files.isDirectory(group)) return;
        synchronized (details) {
            details.put("maxUsageBytes", Long.parseLong(MemoryCgroups.read(group, "memory.max_usage_in_bytes")));
            details.put("limitHits", Long.parseLong(MemoryCgroups.read(group, "memory.failcnt")));
            details.put("oomKills", MemoryCgroups.oomKills(group));
        }
        // Everything in the group goes back, children the target forked meanwhile too.
        for (long pid : MemoryCgroups.members(group)) {
            try {
                MemoryCgroups.move(pid, original);
            } catch (IOException e) {
                if (ProcessHandle.of(pid).isPresent()) throw e; // one that just exited needs no move
            }
        }
        removeGroup();
    }

    /** rmdir fails while a process that just exited is still being torn down; that takes milliseconds. */
    private void removeGroup() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                Files.delete(group);
                return;
            } catch (IOException e) {
                if (attempt >= RMDIR_TRIES) throw new IOException("cannot remove " + group + " for " + target + ": " + e.getMessage(), e);
                LockSupport.parkNanos(50_000_000);
            }
        }
    }

    @Override
    public Map<String, Object> details() {
        synchronized (details) {
            return new LinkedHashMap<>(details);
        }
    }
}
