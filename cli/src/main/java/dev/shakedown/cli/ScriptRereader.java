package dev.shakedown.cli;

import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.schedule.ScheduleDaemon;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.quartz.SchedulerException;

/**
 * Re-reads the scripts when asked (SIGHUP) and when a watched script changes, and makes the store hold
 * their schedules as they now are: a removed schedule (or script) is unscheduled, a changed one replaced,
 * an unchanged one left alone, so its next fire time and missed firings survive. A script that no longer
 * compiles keeps its old schedules; its mistakes are printed as {@code file:line:col: message}.
 * One thread does the re-reading, so re-reads never overlap; requests that come while an editor is still
 * writing are gathered into one re-read.
 */
final class ScriptRereader implements AutoCloseable {
    /** How long the requests must be quiet before a re-read: an editor's save is often several writes. */
    private static final long QUIET_MS = 300;
    private static final String SCRIPT_SUFFIX = ".chaos.groovy";

    private final List<Path> paths;
    private final Function<Path, Optional<ExperimentPlan>> compile;
    private final ScheduleDaemon daemon;
    private final PrintWriter console;
    private final PrintWriter err;
    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final WatchService watcher;
    private final Set<Path> watched = new HashSet<>();
    private final Thread worker;
    private final Thread watching;
    private Set<Path> registered;

    /**
     * @param paths    the scripts and folders as given; folders are listed again at each re-read
     * @param registered the scripts whose schedules the store holds now
     */
    ScriptRereader(List<Path> paths, Set<Path> registered, Function<Path, Optional<ExperimentPlan>> compile,
                   ScheduleDaemon daemon, PrintWriter console, PrintWriter err) throws IOException {
        this.paths = List.copyOf(paths);
        this.registered = new LinkedHashSet<>(registered);
        this.compile = compile;
        this.daemon = daemon;
        this.console = console;
        this.err = err;
        this.watcher = FileSystems.getDefault().newWatchService();
        watchFolders();
        this.worker = new Thread(this::reread, "shakedown-reread");
        this.watching = new Thread(this::watch, "shakedown-watch");
        worker.setDaemon(true);
        watching.setDaemon(true);
        worker.start();
        watching.start();
    }

    /** Asks for a re-read; {@code why} says what asked (SIGHUP, a file). */
    void request(String why) {
        requests.add(why);
    }

    /** The script files of the paths: a file as given, a folder's {@code *.chaos.groovy} at any depth. */
    static List<Path> scriptsOf(List<Path> paths) throws IOException {
        Set<Path> scripts = new LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var found = Files.walk(p)) {
                    found.filter(f -> f.getFileName().toString().endsWith(SCRIPT_SUFFIX)).sorted().forEach(scripts::add);
                }
            } else {
                scripts.add(p);
            }
        }
        return List.copyOf(scripts);
    }

    private void reread() {
        try {
            while (true) {
                Set<String> why = new LinkedHashSet<>();
                why.add(requests.take());
                for (String more; (more = requests.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null; ) why.add(more);
                rereadNow(String.join(", ", why));
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private void rereadNow(String why) {
        long started = System.nanoTime();
        try {
            List<Path> scripts = scriptsOf(paths).stream().filter(Files::exists).toList();
            Set<Path> now = new LinkedHashSet<>(registered);
            int failed = 0;
            for (Path script : scripts) {
                Optional<ExperimentPlan> plan = compile.apply(script);
                if (plan.isEmpty()) {
                    err.println(script + ": does not compile; its schedules stay as they were");
                    failed++;
                    continue;
                }
                daemon.register(script, plan.get().schedules()).forEach(line -> log(script + ": " + line));
                now.add(script);
            }
            for (Path gone : registered) {
                if (!scripts.contains(gone)) {
                    daemon.register(gone, List.of()).forEach(line -> log(gone + ": " + line + " (the script is gone)"));
                    now.remove(gone);
                }
            }
            registered = now;
            watchFolders();
            log("re-read " + scripts.size() + " script" + (scripts.size() == 1 ? "" : "s") + " (" + why + ") in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms"
                    + (failed == 0 ? "" : "; " + failed + " did not compile and kept their schedules"));
        } catch (IOException | SchedulerException | RuntimeException e) {
            err.println("re-read (" + why + ") failed: " + e.getMessage() + "; the schedules stay as they were");
        }
        err.flush();
    }

    private void log(String line) {
        console.println(Instant.now() + " " + line);
        console.flush();
    }

    /** Watches every folder given (and its subfolders) and the folder of every script given. */
    private void watchFolders() throws IOException {
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (var dirs = Files.walk(p)) {
                    for (Path d : dirs.filter(Files::isDirectory).toList()) watch(d);
                }
            } else if (p.toAbsolutePath().getParent() != null) {
                watch(p.toAbsolutePath().getParent());
            }
        }
    }

    private void watch(Path dir) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        if (watched.add(folder)) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && concerns((Path) key.watchable(), name)) {
                        request("changed " + ((Path) key.watchable()).resolve(name));
                    } else if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        request("many changes");
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopping) {
            // close() ends the watch.
        }
    }

    /**
     * A script given by name; in a folder given, a script or a new subfolder. Not an editor's swap file, nor
     * what else changes next to a script given by name (the evidence folder, say).
     */
    private boolean concerns(Path folder, Path name) {
        Path file = folder.resolve(name);
        if (paths.stream().anyMatch(p -> p.toAbsolutePath().normalize().equals(file))) return true;
        boolean inFolderGiven = paths.stream().filter(Files::isDirectory).anyMatch(p -> file.startsWith(p.toAbsolutePath().normalize()));
        return inFolderGiven && (name.toString().endsWith(SCRIPT_SUFFIX) || Files.isDirectory(file));
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        worker.interrupt();
        watching.interrupt();
    }
}
