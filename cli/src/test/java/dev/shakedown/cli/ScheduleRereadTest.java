package dev.shakedown.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shakedown schedule} of a folder, as its own process, while its scripts are edited: a change to a
 * script and SIGHUP re-read the scripts; each schedule is kept, replaced, added or removed as the script
 * now says, and a script that no longer compiles keeps its old schedules and shows its mistake at its line.
 */
class ScheduleRereadTest {
    @TempDir Path dir;
    private ScheduleNodes nodes;

    @BeforeEach
    void nodes() {
        nodes = new ScheduleNodes(dir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        nodes.close();
    }

    @Test
    void editsAndSighupReRegisterTheSchedulesAndABrokenScriptKeepsItsOldOnes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("scripts"));
        Path a = ScheduleNodes.script(folder, "a", "schedule 'tick', cron: '0 0 3 * * ?', timezone: 'UTC'\n"
                + "schedule 'tick', cron: '0 0 4 * * ?', timezone: 'UTC'", "50.ms");
        ScheduleNodes.Node daemon = nodes.start("daemon", List.of(), List.of(folder.toString(),
                "--out", dir.resolve("out").toString(), "--state", dir.resolve("state").toString()));

        // An edit: 3 o'clock stays, 4 o'clock goes, every two seconds comes.
        ScheduleNodes.script(folder, "a", "schedule 'tick', cron: '0 0 3 * * ?', timezone: 'UTC'\n"
                + "schedule 'tick', cron: '*/2 * * * * ?', timezone: 'UTC'", "50.ms");
        await().atMost(Duration.ofSeconds(30)).until(() -> daemon.log().contains("re-read 1 script (changed " + a));
        assertThat(daemon.log()).contains(a + ": kept tick cron '0 0 3 * * ?' in UTC")
                .contains(a + ": registered tick cron '*/2 * * * * ?' in UTC")
                .contains(a + ": removed tick @ '0 0 4 * * ?' UTC: the script no longer declares it");
        await().atMost(Duration.ofMinutes(1)).until(() -> ScheduleNodes.index(dir.resolve("out")).size() >= 1);

        // A mistake: the script keeps its schedules (they go on firing), the mistake is shown where it is.
        String good = Files.readString(a);
        Files.writeString(a, good.replace("hold 50.ms", "hold 50.ms\n    inject nonsense("));
        await().atMost(Duration.ofSeconds(30)).until(() -> daemon.log().contains("did not compile and kept their schedules"));
        assertThat(daemon.log()).containsPattern(Pattern.quote(a.toString()) + ":\\d+:\\d+: ")
                .contains(a + ": does not compile; its schedules stay as they were");
        // The next firing compiles the broken script, says so and does not run.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> daemon.log().contains(a + ": the script no longer compiles; this firing did not run"));

        // Mended, then SIGHUP with nothing changed: every schedule is kept as it is.
        Files.writeString(a, good);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(daemon.log(), "re-read 1 script") >= 3);
        daemon.signal("HUP");
        await().atMost(Duration.ofSeconds(30)).until(() -> daemon.log().contains("re-read 1 script (SIGHUP)"));
        String afterHup = daemon.log().substring(daemon.log().lastIndexOf("re-read 1 script (changed"));
        assertThat(afterHup).contains(a + ": kept tick cron '*/2 * * * * ?'").doesNotContain("updated").doesNotContain("registered");

        // A new script in the folder is registered; a deleted one's schedules are removed.
        Path b = ScheduleNodes.script(folder, "b", "schedule 'tick', cron: '0 0 5 * * ?', timezone: 'UTC'", "50.ms");
        await().atMost(Duration.ofSeconds(30)).until(() -> daemon.log().contains(b + ": registered tick cron '0 0 5 * * ?'"));
        int rereadsOfA = count(daemon.log(), "re-read 1 script (changed " + a);
        Files.delete(a);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(daemon.log(), "re-read 1 script (changed " + a) > rereadsOfA);
        assertThat(daemon.log()).contains(a + ": removed tick @ '*/2 * * * * ?' UTC").contains(a + ": removed tick @ '0 0 3 * * ?' UTC");
        daemon.stop();
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
