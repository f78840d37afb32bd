package dev.shakedown.engine.ledger;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files that only their owner may read: the state directory, the ledger, per-run folders
 * and evidence are created {@code rwx------} / {@code rw-------} from the start, not narrowed afterwards.
 * On a file system without POSIX permissions they are created plainly.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    /** Creates {@code dir} and every missing parent, each owner-only; existing directories are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) return dir;
        Path parent = absolute.getParent();
        if (parent != null) createDirectories(parent);
        try {
            Files.createDirectory(absolute, dirAttribute(absolute));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) throw raced;
        }
        return dir;
    }

    /** Creates a new empty owner-only file (it must not exist). */
    public static Path createFile(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }

    /** Narrows an existing file or directory to its owner; silently nothing where POSIX permissions do not exist. */
    public static void restrict(Path path) {
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIR : FILE);
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system, or not ours: nothing finer to set.
        }
    }

    private static FileAttribute<?>[] dirAttribute(Path dir) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR)};
    }

    private OwnerOnly() {}
}
