package dev.shakedown.dsl;

import dev.shakedown.engine.plan.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One file of a script as the compiler reads it: the script the user named, a file it includes, or a library
 * on the classpath ({@code stdlib:demo}). Every one is held to the same limits: at most 1 MB of UTF-8 text
 * without NUL bytes.
 */
final class ScriptSource {
    /** A chaos script is a page or two; anything this large is a mistake (or an attack), not an experiment. */
    static final long MAX_BYTES = 1 << 20;

    private final String shown;
    private final String key;
    private final String fileName;
    private final Path file;
    private final URL library;

    private ScriptSource(String shown, String key, String fileName, Path file, URL library) {
        this.shown = shown;
        this.key = key;
        this.fileName = fileName;
        this.file = file;
        this.library = library;
    }

    /** A file, shown as the user would open it: relative to the working directory when it lies below it. */
    static ScriptSource file(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        String shown = absolute.startsWith(here) ? here.relativize(absolute).toString() : path.toString();
        String key;
        try {
            key = absolute.toRealPath().toString(); // a file reached through a link or by another path is the same file
        } catch (IOException e) {
            key = absolute.toString();
        }
        return new ScriptSource(shown, key, path.getFileName().toString(), absolute, null);
    }

    /** A library found on the classpath under {@code name}, shown as {@code stdlib:name}. */
    static ScriptSource library(String name, URL resource) {
        String shown = IncludeResolver.LIBRARY_PREFIX + name;
        return new ScriptSource(shown, shown, shown, null, resource);
    }

    /** The file as messages and the evidence name it: {@code scripts/lib/common.chaos.groovy} or {@code stdlib:demo}. */
    String shown() {
        return shown;
    }

    /** Equal for two sources that are the same file, however they were named. */
    String key() {
        return key;
    }

    /** What Groovy compiles the file under, before it is made unique among the files of one script. */
    String fileName() {
        return fileName;
    }

    boolean isLibrary() {
        return library != null;
    }

    /** The folder relative includes start from; none for a library on the classpath. */
    Optional<Path> directory() {
        return file == null ? Optional.empty() : Optional.ofNullable(file.getParent());
    }

    /** The file's text and the SHA-256 of its bytes; a file that is too large or no UTF-8 text is refused. */
    Text read(ScriptPositions positions) throws ScriptErrors {
        byte[] bytes = bytes(positions);
        return new Text(text(bytes, positions), sha256(bytes));
    }

    record Text(String text, String sha256) {}

    private byte[] bytes(ScriptPositions positions) throws ScriptErrors {
        try {
            if (file != null) {
                long size = Files.size(file);
                if (size > MAX_BYTES) throw tooLarge(positions, String.format("%.1f MB", size / 1048576.0));
                return Files.readAllBytes(file);
            }
            try (InputStream in = library.openStream()) {
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) throw tooLarge(positions, "more than 1 MB");
                return bytes;
            }
        } catch (IOException e) {
            throw new ScriptErrors(List.of(new ScriptError(positions.wholeFile(), "cannot read the script: " + e.getMessage())), e);
        }
    }

    private static ScriptErrors tooLarge(ScriptPositions positions, String size) {
        return new ScriptErrors(List.of(new ScriptError(positions.wholeFile(),
                "the script is " + size + "; a chaos script may be at most 1 MB (is this the right file?)")), null);
    }

    /** The script's text; a file that is not UTF-8 text (a binary, another encoding) is refused at its first bad byte. */
    private static String text(byte[] bytes, ScriptPositions positions) throws ScriptErrors {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            throw new ScriptErrors(List.of(new ScriptError(positionAfter(out.toString(), positions), String.format(
                    "the script is not UTF-8 text: byte 0x%02X is not valid UTF-8 here (a binary file, or another encoding? save it as UTF-8)",
                    bytes[in.position()] & 0xff))), null);
        }
        out.flip();
        String text = out.toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new ScriptErrors(List.of(new ScriptError(positionAfter(text.substring(0, nul), positions),
                    "the script contains a NUL byte: it is a binary file, not a chaos script")), null);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Where the character after {@code before} stands. */
    private static SourceRef positionAfter(String before, ScriptPositions positions) {
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        return positions.at(line, column);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
