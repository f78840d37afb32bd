package dev.shakedown.stdlib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.exec.CommandLine;

/** Splits a command written as one string ({@code "sh -c 'exit 3'"}) into its arguments. */
public final class CommandLines {
    private CommandLines() {}

    /**
     * A command as a script gives it: a list of words ({@code ['sh', '-c', 'exit 3']}) or one string that is
     * split like a shell would ({@code "sh -c 'exit 3'"}). Throws {@link IllegalArgumentException} if empty.
     */
    public static List<String> words(Object command) {
        List<String> words;
        if (command instanceof List<?> list) words = list.stream().map(String::valueOf).toList();
        else if (command instanceof CharSequence text && !text.toString().isBlank()) words = split(text.toString());
        else throw new IllegalArgumentException("give a command as a list ['sh', '-c', 'exit 3'] or a string, not " + command);
        if (words.isEmpty() || words.get(0).isBlank()) throw new IllegalArgumentException("the command is empty");
        return words;
    }

    public static List<String> split(String command) {
        CommandLine parsed;
        try {
            parsed = CommandLine.parse(command);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot split command '" + command + "': " + e.getMessage(), e);
        }
        List<String> words = new ArrayList<>();
        words.add(parsed.getExecutable());
        for (String argument : parsed.getArguments()) words.add(unquote(argument));
        return Collections.unmodifiableList(words);
    }

    /** The commons-exec form of a split command, with every argument passed on exactly as it is. */
    public static CommandLine toCommandLine(List<String> command) {
        CommandLine line = new CommandLine(command.get(0));
        for (String argument : command.subList(1, command.size())) line.addArgument(argument, false);
        return line;
    }

    /**
     * commons-exec strips the script's quotes while splitting, then wraps every argument that holds a space
     * or a quote in a new pair for a shell; no shell runs our commands, so that pair comes off again.
     */
    private static String unquote(String argument) {
        boolean wrapped = argument.length() >= 2
                && (argument.startsWith("\"") && argument.endsWith("\"")
                        || argument.startsWith("'") && argument.endsWith("'"));
        return wrapped ? argument.substring(1, argument.length() - 1) : argument;
    }
}
