package dev.shakedown.cli;

import dev.shakedown.engine.evidence.Secrets;
import java.io.FilterWriter;
import java.io.PrintWriter;

/** A console that never shows a secret: every string written passes through {@link Secrets#redact(String)}. */
final class Redacting extends FilterWriter {
    private Redacting(PrintWriter out) {
        super(out);
    }

    static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new Redacting(out), true);
    }

    @Override
    public void write(String text, int offset, int length) {
        String masked = Secrets.redact(text.substring(offset, offset + length));
        ((PrintWriter) out).write(masked, 0, masked.length());
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        write(new String(chars, offset, length), 0, length);
    }

    @Override
    public void flush() {
        ((PrintWriter) out).flush();
    }

    @Override
    public void close() {
        flush();
    }
}
