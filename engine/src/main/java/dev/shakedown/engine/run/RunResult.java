package dev.shakedown.engine.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured, before judgement.
 *
 * @param interruption why the run was cut short (a signal), or null
 * @param startupProblem why the system under test could not be started, or null
 */
public record RunResult(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        Path runDirectory,
        Path ledgerFile,
        Map<String, Map<String, Object>> resources,
        List<ScenarioRecord> scenarios,
        List<RunEvent> events,
        List<MonitorSample> samples,
        String interruption,
        long interruptedAtNanos,
        String startupProblem) {}
