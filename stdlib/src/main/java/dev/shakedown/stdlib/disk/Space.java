package dev.shakedown.stdlib.disk;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One statvfs(2) reading of the filesystem that holds a path. {@code free} is what the engine itself can
 * still allocate: as root that includes the blocks reserved for root ({@code f_bfree}), otherwise only the
 * available ones ({@code f_bavail}) — counting the other one would miss the target level by the reserve
 * (5 % on ext4 by default).
 */
record Space(String filesystem, long total, long free, long blockSize) {
    static Space of(Path path, boolean root) throws IOException {
        FileStore store = Files.getFileStore(path);
        long free = root ? store.getUnallocatedSpace() : store.getUsableSpace();
        return new Space(store.toString(), store.getTotalSpace(), free, store.getBlockSize());
    }

    long used() {
        return total - free;
    }

    double usedFraction() {
        return total == 0 ? 0 : used() / (double) total;
    }
}
