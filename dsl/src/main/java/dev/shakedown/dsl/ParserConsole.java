package dev.shakedown.dsl;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Keeps the Groovy parser off the console. On a lexer error inside a parse (a {@code $} in a double-quoted
 * string followed by neither a name nor {@code {}), the antlr4 runtime bundled in Groovy prints
 * {@code unknown recognition error type: ...LexerNoViableAltException} to {@link System#err} before it reports
 * the same error, located, as a compile error. That report is ours to show; the line is not. Once, System.err
 * is wrapped by a stream that drops what a thread writes while it parses and passes everything else on.
 */
final class ParserConsole {
    private static final ThreadLocal<Boolean> PARSING = ThreadLocal.withInitial(() -> false);

    private ParserConsole() {}

    /** Runs {@code parse} on this thread with what it prints to System.err dropped. */
    static <T> T quietly(Supplier<T> parse) {
        installFilter();
        PARSING.set(true);
        try {
            return parse.get();
        } finally {
            PARSING.set(false);
        }
    }

    private static synchronized void installFilter() {
        PrintStream err = System.err;
        if (err instanceof Filter) return;
        System.setErr(new Filter(err));
    }

    private static final class Filter extends PrintStream {
        Filter(PrintStream console) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    if (!PARSING.get()) console.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    if (!PARSING.get()) console.write(b, off, len);
                }

                @Override
                public void flush() {
                    console.flush();
                }
            }, true);
        }
    }
}
