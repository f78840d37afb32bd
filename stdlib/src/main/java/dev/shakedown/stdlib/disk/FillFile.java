package dev.shakedown.stdlib.disk;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Creates one file holding real blocks: {@code fallocate(2)} where the filesystem supports it (ext4, xfs,
 * btrfs, tmpfs: one call, no data written), else zeros written in 1 MiB chunks and forced to disk. Never a
 * sparse file, which would take no space at all. Whatever goes wrong, no partial file is left behind.
 */
final class FillFile {
    static final int CHUNK = 1 << 20;

    /** How the blocks were obtained, for the evidence. */
    enum Method { FALLOCATE, WRITE }

    /** The filesystem had less room than asked for: someone wrote to it since the amount was measured. */
    static final class NoSpace extends IOException {
        NoSpace(String message) {
            super(message);
        }
    }

    private FillFile() {}

    static Method create(Path file, long bytes) throws IOException {
        return create(file, bytes, true);
    }

    /** {@code tryFallocate} false goes straight to writing zeros, as on a filesystem without fallocate (tests). */
    static Method create(Path file, long bytes, boolean tryFallocate) throws IOException {
        int fd;
        try {
            // O_EXCL: never take over (and later delete) a file that someone else made.
            fd = LibC.C.open(file.toString(), LibC.O_WRONLY | LibC.O_CREAT | LibC.O_EXCL | LibC.O_CLOEXEC, 0600);
        } catch (LastErrorException e) {
            throw new IOException("cannot create the fill file " + file + ": " + LibC.explain(e));
        }
        try {
            boolean allocated;
            try {
                allocated = tryFallocate && fallocate(fd, file, bytes);
            } finally {
                LibC.C.close(fd);
            }
            if (allocated) return Method.FALLOCATE;
            writeZeros(file, bytes);
            return Method.WRITE;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file); // ENOSPC may leave some blocks allocated: give them back
            throw e;
        }
    }

    /** True when {@code fallocate(2)} reserved the blocks, false when the filesystem does not support it. */
    private static boolean fallocate(int fd, Path file, long bytes) throws IOException {
        try {
            LibC.C.fallocate(fd, 0, 0, bytes);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.EOPNOTSUPP) return false;
            if (e.getErrorCode() == LibC.ENOSPC) throw new NoSpace("cannot allocate " + bytes + " bytes in " + file + ": " + LibC.explain(e));
            throw new IOException("cannot allocate " + bytes + " bytes in " + file + ": " + LibC.explain(e));
        }
    }

    private static void writeZeros(Path file, long bytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (long written = 0; written < bytes; ) {
                zeros.clear().limit((int) Math.min(CHUNK, bytes - written));
                written += channel.write(zeros);
            }
            channel.force(false); // delayed allocation may otherwise fail later, outside this call
        } catch (IOException e) {
            throw new IOException("cannot write " + bytes + " bytes of zeros to " + file + ": " + e.getMessage(), e);
        }
    }
}
