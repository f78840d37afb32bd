package dev.shakedown.stdlib.host;

import static dev.shakedown.stdlib.host.HostFaultSpecs.cpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.shakedown.engine.spi.Fault;
import dev.shakedown.stdlib.testing.ProcState;
import dev.shakedown.stdlib.testing.TestRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuInjectorTest {
    /** Long enough that a few scheduler hiccups and the 10 ms tick of /proc average out. */
    private static final long MEASURE_MILLIS = 4000;
    /** The helper JVM's own start (class loading, JIT) is not part of the asked load. */
    private static final long SETTLE_MILLIS = 1000;

    @TempDir
    Path runDir;
    TestRun run;
    Fault fault;

    @BeforeEach
    void startRun() {
        run = new TestRun(runDir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (fault != null) fault.rollback();
        run.close();
    }

    @ParameterizedTest(name = "cores: {0}, load: {1} %")
    @CsvSource({"1, 20", "1, 50", "1, 80", "2, 20", "2, 50", "2, 80"})
    void theHelperGetsTheAskedShareOfEachCore(int cores, int load) throws Exception {
        fault = new CpuInjector().prepare(cpu(Map.of("cores", cores, "load", load + "%")), run);
        fault.apply();
        long pid = (Long) fault.details().get("helperPid");

        Thread.sleep(SETTLE_MILLIS); // a measuring window, not a wait for something to happen
        double before = ProcCpu.seconds(pid);
        long start = System.nanoTime();
        Thread.sleep(MEASURE_MILLIS);
        double used = ProcCpu.seconds(pid) - before;
        double share = 100 * used / ((System.nanoTime() - start) / 1e9) / cores;
        System.out.printf("cpu(cores: %d, load: %d%%): measured %.1f%%%n", cores, load, share);

        assertThat(share).as("CPU share per core of the helper").isCloseTo(load, within(5.0));
        assertThat(fault.details()).containsEntry("cores", cores).containsEntry("load", load + "%");
    }

    @Test
    void rollbackEndsTheHelperAndClosesItsLedgerRecord() throws Exception {
        fault = new CpuInjector().prepare(cpu(Map.of("cores", 1, "load", "30%", "nice", 5)), run);
        assertThat(fault.undoRecord().action()).isEqualTo("none");
        fault.apply();
        long pid = (Long) fault.details().get("helperPid");
        assertThat(ProcessHandle.of(pid)).isPresent();
        assertThat(niceOf(pid)).isEqualTo(5);

        fault.rollback();
        fault = null;

        assertThat(ProcState.gone(pid)).isTrue();
        assertThat(run.ledger()).singleElement().satisfies(record -> {
            assertThat(record.undo().action()).isEqualTo(HelperLauncher.UNDO_ACTION);
            assertThat(record.undo().data()).containsKeys("token", "command", "parentPid", "parentStart");
            assertThat(record.undo().manual()).isEqualTo("pkill -f " + record.undo().data().get("token"));
            assertThat(record.undone()).isTrue();
        });
    }

    @Test
    void describesWhatItWouldDo() {
        assertThat(new CpuInjector().describe(cpu(Map.of("cores", 2, "load", "80%"))))
                .isEqualTo("burn 80% of 2 cores in a helper process (recover stops it)");
        assertThat(new CpuInjector().describe(cpu(Map.of("nice", 10))))
                .startsWith("burn 100% of all " + Runtime.getRuntime().availableProcessors() + " cores")
                .contains("at nice 10");
    }

    @Test
    void refusesBadOptions() {
        CpuInjector cpu = new CpuInjector();
        assertThat(cpu.validate(cpu(Map.of("cores", 0)), null)).singleElement().asString().contains("at least 1");
        assertThat(cpu.validate(cpu(Map.of("load", "150%")), null)).singleElement().asString().contains("at most 100 %");
        assertThat(cpu.validate(cpu(Map.of("nice", 20)), null)).singleElement().asString().contains("0 to 19");
        assertThat(cpu.validate(cpu(Map.of("lod", "50%")), null)).singleElement().asString().contains("did you mean 'load'");
    }

    private static int niceOf(long pid) throws Exception {
        String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
