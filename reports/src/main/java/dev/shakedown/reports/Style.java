package dev.shakedown.reports;

import org.fusesource.jansi.Ansi;

/**
 * Colour for terminals, plain text elsewhere: off when the output is not a terminal, when
 * {@code NO_COLOR} is set (https://no-color.org), or when the user asks.
 */
public final class Style {
    private final boolean color;

    public Style(boolean color) {
        this.color = color;
    }

    public static Style detect(boolean noColorFlag) {
        boolean tty = System.console() != null;
        String noColor = System.getenv("NO_COLOR");
        return new Style(tty && !noColorFlag && (noColor == null || noColor.isEmpty()));
    }

    public String good(String s) { return paint(s, Ansi.Color.GREEN, false); }
    public String bad(String s) { return paint(s, Ansi.Color.RED, true); }
    public String warn(String s) { return paint(s, Ansi.Color.YELLOW, false); }
    public String dim(String s) { return color ? Ansi.ansi().a(Ansi.Attribute.INTENSITY_FAINT).a(s).reset().toString() : s; }
    public String bold(String s) { return color ? Ansi.ansi().bold().a(s).reset().toString() : s; }

    private String paint(String s, Ansi.Color c, boolean bold) {
        if (!color) return s;
        Ansi a = Ansi.ansi();
        if (bold) a = a.bold();
        return a.fg(c).a(s).reset().toString();
    }

    /** Colours a verdict word by what it means. */
    public String verdict(String v) {
        return switch (v) {
            case "passed", "ok", "excellent", "good" -> good(v);
            case "precondition-failed", "aborted", "not-applicable", "fair", "skipped", "passed-with-skips" -> warn(v);
            default -> bad(v);
        };
    }
}
