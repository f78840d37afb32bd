package dev.shakedown.dsl;

import dev.shakedown.engine.validate.Suggestions;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the file an {@code include} names. A path is relative to the folder of the including file (never to
 * the working directory), so a script includes the same file wherever it is run from. {@code stdlib:NAME}
 * is a library on the classpath, the resource {@code META-INF/shakedown/lib/NAME.chaos.groovy} of any jar,
 * found through the compiler's class loader. When nothing is there, the message names where it looked and
 * the closest name that is.
 */
final class IncludeResolver {
    static final String LIBRARY_PREFIX = "stdlib:";
    static final String LIBRARY_FOLDER = "META-INF/shakedown/lib/";
    static final String SUFFIX = ".chaos.groovy";
    private static final Pattern LIBRARY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)*");

    private final ClassLoader loader;

    IncludeResolver(ClassLoader loader) {
        this.loader = loader;
    }

    /** Why an include cannot be followed: it names nothing that can be read, or it would close a cycle. */
    static final class Unresolved extends Exception {
        Unresolved(String message) {
            super(message, null, false, false);
        }
    }

    ScriptSource resolve(ScriptSource from, String path) throws Unresolved {
        if (path.startsWith(LIBRARY_PREFIX)) return library(path.substring(LIBRARY_PREFIX.length()));
        if (path.isBlank()) throw new Unresolved("include needs the path of a file, not an empty text");
        Path directory = from.directory().orElseThrow(() -> new Unresolved(from.shown() + " is a library on the classpath: it can include"
                + " other libraries (include '" + LIBRARY_PREFIX + "NAME'), not the file '" + path + "'"));
        Path target;
        try {
            target = directory.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new Unresolved("cannot include '" + path + "': it is no valid path (" + e.getReason() + ")");
        }
        if (Files.isRegularFile(target)) return ScriptSource.file(target);
        String shown = ScriptSource.file(target).shown();
        if (Files.isDirectory(target)) throw new Unresolved("cannot include '" + path + "': " + shown + " is a folder, not a script");
        throw new Unresolved("cannot include '" + path + "': there is no file " + shown + siblingHint(path, target));
    }

    /** {@code , did you mean 'lib/common.chaos.groovy'?} when a script next to the missing file has a close name. */
    private static String siblingHint(String path, Path target) {
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) return "";
        List<String> scripts;
        try (Stream<Path> files = Files.list(folder)) {
            scripts = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            return "";
        }
        String prefix = path.substring(0, path.lastIndexOf('/') + 1);
        return Suggestions.closest(target.getFileName().toString(), scripts).map(s -> ", did you mean '" + prefix + s + "'?").orElse("");
    }

    private ScriptSource library(String name) throws Unresolved {
        if (!LIBRARY_NAME.matcher(name).matches()) {
            throw new Unresolved("'" + LIBRARY_PREFIX + name + "' is no library name: write " + LIBRARY_PREFIX + "NAME with letters, digits, - and _");
        }
        URL resource = loader.getResource(LIBRARY_FOLDER + name + SUFFIX);
        if (resource != null) return ScriptSource.library(name, resource);
        Set<String> known = libraries();
        String hint = Suggestions.closest(name, known).map(k -> ", did you mean '" + LIBRARY_PREFIX + k + "'?")
                .orElse(known.isEmpty() ? "" : " (the classpath has " + String.join(", ", known.stream().map(k -> LIBRARY_PREFIX + k).toList()) + ")");
        throw new Unresolved("there is no library '" + LIBRARY_PREFIX + name + "' on the classpath" + hint);
    }

    /** The libraries on the classpath, by name: the scripts directly in the library folder of every jar and folder. */
    private Set<String> libraries() {
        Set<String> names = new TreeSet<>();
        try {
            for (URL root : Collections.list(loader.getResources(LIBRARY_FOLDER))) names.addAll(scriptsIn(root));
        } catch (IOException e) {
            // no suggestion then: the message still says what is missing
        }
        return names;
    }

    private static List<String> scriptsIn(URL root) throws IOException {
        Stream<String> entries;
        if (root.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                entries = files.map(f -> f.getFileName().toString()).toList().stream();
            } catch (URISyntaxException e) {
                return List.of();
            }
        } else {
            URLConnection connection = root.openConnection();
            if (!(connection instanceof JarURLConnection jar)) return List.of();
            jar.setUseCaches(false); // a JarFile of our own, so closing it cannot close the class loader's
            try (JarFile file = jar.getJarFile()) {
                entries = file.stream().map(e -> e.getName()).filter(n -> n.startsWith(LIBRARY_FOLDER))
                        .map(n -> n.substring(LIBRARY_FOLDER.length())).filter(n -> !n.contains("/")).toList().stream();
            }
        }
        return entries.filter(n -> n.endsWith(SUFFIX)).map(n -> n.substring(0, n.length() - SUFFIX.length())).toList();
    }
}
