package dev.shakedown.engine.evidence;

import dev.shakedown.engine.evidence.Evidence.Interruption;
import dev.shakedown.engine.evidence.Evidence.RunInfo;
import dev.shakedown.engine.evidence.Evidence.ScriptInfo;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.run.RunEvent;
import dev.shakedown.engine.run.RunResult;
import dev.shakedown.engine.run.Timeline;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code run} section: which run, of what script, on which host, with which outcome. */
final class RunInfoFactory {
    private RunInfoFactory() {}

    static RunInfo of(ExperimentPlan plan, RunResult result, RunVerdict verdict) {
        ScriptInfo script = plan.script().map(p -> new ScriptInfo(p.toString(), sha256(p), plan.includes())).orElse(null);
        Interruption interruption = result.interruption() == null ? null
                : new Interruption(result.interruption(), Timeline.millis(result.interruptedAtNanos()));
        List<Map<String, Object>> events = result.events().stream().map(RunInfoFactory::event).toList();
        return new RunInfo(result.runId(), EngineVersion.get(), Evidence.SCHEMA_VERSION, host(), script, plan.params(),
                result.startedAt().toString(), result.finishedAt().toString(), verdict.verdict(), verdict.exitCode(),
                interruption, result.startupProblem(), result.ledgerFile().toString(),
                result.runDirectory().resolve("logs").toString(), result.resources(), events);
    }

    private static Map<String, Object> event(RunEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at_ms", Timeline.millis(e.atNanos()));
        m.put("kind", e.kind());
        m.put("data", e.data());
        return m;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
