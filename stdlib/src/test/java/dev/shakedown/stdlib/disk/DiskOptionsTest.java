package dev.shakedown.stdlib.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.plan.SourceRef;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Registry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a script may write, and what it is told when it writes something else; all before anything runs. */
class DiskOptionsTest {
    private final DiskInjector disk = new DiskInjector();

    private List<String> problems(Map<String, Object> options) {
        return disk.validate(new FaultSpec("disk", List.of(), options, SourceRef.UNKNOWN), null);
    }

    @Test
    void theEngineFindsTheDiskFaultAndTheTmpfsResource() {
        Registry registry = new Registry(getClass().getClassLoader());
        assertThat(registry.injector("disk")).hasValueSatisfying(i -> assertThat(i.category()).isEqualTo(FaultCategory.INFRASTRUCTURE));
        assertThat(registry.resourceType("tmpfs")).isPresent();
    }

    @Test
    void acceptsFillOrFree() {
        assertThat(problems(Map.of("path", "/var/lib/x", "fill", Percent.of(95)))).isEmpty();
        assertThat(problems(Map.of("path", "/var/lib/x", "free", new ByteSize(10 * ByteSize.MB), "maxBytes", "2gb",
                "force", true, "dedicatedOnly", false))).isEmpty();
    }

    @Test
    void needsAPathAndExactlyOneOfFillAndFree() {
        assertThat(problems(Map.of("fill", Percent.of(95)))).singleElement().asString().contains("needs path:");
        assertThat(problems(Map.of("path", "/x"))).singleElement().asString().contains("exactly one of fill:");
        assertThat(problems(Map.of("path", "/x", "fill", Percent.of(95), "free", new ByteSize(0))))
                .singleElement().asString().contains("exactly one of fill:");
    }

    @Test
    void rejectsAShareOutsideZeroToHundredAndUnknownOptions() {
        assertThat(problems(Map.of("path", "/x", "fill", Percent.of(120)))).singleElement().asString().contains("at most 100%");
        assertThat(problems(Map.of("path", "/x", "fill", Percent.of(90), "maxByte", "1gb")))
                .singleElement().asString().contains("unknown option 'maxByte'").contains("did you mean 'maxBytes'");
    }

    @Test
    void describesWhatItWouldDo() {
        assertThat(disk.describe(new FaultSpec("disk", List.of(), Map.of("path", "/var/lib/x", "fill", Percent.of(95)), SourceRef.UNKNOWN)))
                .isEqualTo("fill the filesystem holding /var/lib/x until it is 95% used with one file of real blocks, at most 1 GB (recover deletes it)");
    }
}
