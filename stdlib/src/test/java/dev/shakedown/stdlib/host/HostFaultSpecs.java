package dev.shakedown.stdlib.host;

import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.SourceRef;
import java.util.List;
import java.util.Map;

/** cpu(...) and memory(...) as a script would write them. */
final class HostFaultSpecs {
    private HostFaultSpecs() {}

    static FaultSpec cpu(Map<String, Object> options) {
        return new FaultSpec("cpu", List.of(), options, SourceRef.UNKNOWN);
    }

    static FaultSpec memory(Map<String, Object> options) {
        return new FaultSpec("memory", List.of(), options, SourceRef.UNKNOWN);
    }
}
