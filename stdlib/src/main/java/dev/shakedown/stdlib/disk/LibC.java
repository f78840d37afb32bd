package dev.shakedown.stdlib.disk;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The few libc calls the disk fault needs and Java lacks: {@code fallocate(2)} reserves real blocks in
 * one call (Java can only write them), and {@code mount(2)}/{@code umount2(2)} make the small filesystem
 * a run fills instead of the machine's disk. Errors arrive as {@link LastErrorException} with errno.
 */
final class LibC {
    static final int ENOSPC = 28;
    static final int EFBIG = 27;
    static final int EOPNOTSUPP = 95;
    static final int EBUSY = 16;

    static final int O_WRONLY = 01;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_CLOEXEC = 02000000;

    static final long MS_NOSUID = 2;
    static final long MS_NODEV = 4;
    static final int MNT_DETACH = 2;

    interface Api extends Library {
        int open(String path, int flags, int mode) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int fallocate(int fd, int mode, long offset, long length) throws LastErrorException;

        int geteuid();

        int mount(String source, String target, String type, long flags, String data) throws LastErrorException;

        int umount2(String target, int flags) throws LastErrorException;
    }

    static final Api C = Native.load("c", Api.class);

    private LibC() {}

    static boolean root() {
        return C.geteuid() == 0;
    }

    /** {@code "no space left on device (ENOSPC)"} rather than a bare number, for error messages. */
    static String explain(LastErrorException e) {
        return switch (e.getErrorCode()) {
            case ENOSPC -> "no space left on device (ENOSPC)";
            case EFBIG -> "file too large for this filesystem (EFBIG)";
            case EOPNOTSUPP -> "not supported by this filesystem (EOPNOTSUPP)";
            case EBUSY -> "busy (EBUSY)";
            case 1 -> "not permitted (EPERM; needs root)";
            case 13 -> "permission denied (EACCES)";
            case 17 -> "already exists (EEXIST)";
            case 2 -> "no such file or directory (ENOENT)";
            default -> "errno " + e.getErrorCode();
        };
    }
}
