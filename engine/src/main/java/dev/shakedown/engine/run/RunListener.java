package dev.shakedown.engine.run;

import dev.shakedown.engine.plan.ScenarioPlan;
import dev.shakedown.engine.plan.Step;
import java.util.Map;

/** Progress of a run, for a terminal or a log. Every method may be called from the run's thread only. */
public interface RunListener {
    RunListener NONE = new RunListener() {};

    default void resourceStarted(String name, Map<String, Object> details) {}

    default void scenarioStarted(ScenarioPlan scenario) {}

    default void stepFinished(ScenarioPlan scenario, Step step, ScenarioRecord.StepRecord record) {}

    default void faultRolledBack(ScenarioRecord.FaultRecord fault) {}

    default void scenarioFinished(ScenarioRecord record) {}

    default void notice(String message) {}
}
