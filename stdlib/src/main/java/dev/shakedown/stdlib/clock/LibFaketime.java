package dev.shakedown.stdlib.clock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where libfaketime's preload library is on this machine, or why it cannot be used. Looked up at every
 * launch and availability check (a few file tests), so installing the package takes effect without a restart.
 *
 * @param library the shared object to put in {@code LD_PRELOAD}
 * @param missing why there is none, with what to do about it
 */
public record LibFaketime(Optional<Path> library, Optional<String> missing) {
    /** Overrides the search: for a library built from source or installed somewhere unusual. */
    public static final String OVERRIDE = "SHAKEDOWN_LIBFAKETIME";
    static final String FILE = "libfaketime.so.1";
    static final String INSTALL_HINT = "install it with: apt-get install faketime (Debian/Ubuntu), dnf install libfaketime "
            + "(Fedora), or set " + OVERRIDE + " to the path of " + FILE;

    /** The library on this machine: {@value #OVERRIDE} first, then the usual install locations. */
    public static LibFaketime onThisMachine() {
        return among(Optional.ofNullable(System.getenv(OVERRIDE)).filter(s -> !s.isBlank()),
                usualPaths(System.getProperty("os.arch", "")));
    }

    /** Pure search logic: the override if given (it must exist), else the first candidate that is a file. */
    static LibFaketime among(Optional<String> override, List<Path> candidates) {
        if (override.isPresent()) {
            Path path = Path.of(override.get());
            if (Files.isRegularFile(path)) return found(path);
            return missing(OVERRIDE + " is set to " + path + ", which is not a file; point it at " + FILE
                    + " or unset it to search the usual places");
        }
        for (Path candidate : candidates) if (Files.isRegularFile(candidate)) return found(candidate);
        return missing("libfaketime is not installed (no " + FILE + " in " + String.join(", ",
                candidates.stream().map(p -> p.getParent().toString()).distinct().toList()) + "); " + INSTALL_HINT);
    }

    /** Debian/Ubuntu put it under the multiarch directory; Fedora, Arch and source builds elsewhere. */
    static List<Path> usualPaths(String osArch) {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of("/usr/lib", multiarch(osArch), "faketime", FILE));
        paths.add(Path.of("/usr/lib64/faketime", FILE));
        paths.add(Path.of("/usr/lib/faketime", FILE));
        paths.add(Path.of("/usr/local/lib/faketime", FILE));
        paths.add(Path.of("/usr/local/lib", FILE));
        return paths;
    }

    /** The Debian multiarch triplet for a JVM's {@code os.arch}. */
    static String multiarch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "x86", "i386", "i486", "i586", "i686" -> "i386-linux-gnu";
            case "arm" -> "arm-linux-gnueabihf";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            default -> osArch + "-linux-gnu";
        };
    }

    private static LibFaketime found(Path path) {
        return new LibFaketime(Optional.of(path.toAbsolutePath()), Optional.empty());
    }

    private static LibFaketime missing(String why) {
        return new LibFaketime(Optional.empty(), Optional.of(why));
    }
}
