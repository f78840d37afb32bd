package dev.shakedown.dsl.fakes;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.dsl.DslWord;
import dev.shakedown.engine.plan.ResourceSpec;
import java.util.List;
import java.util.Map;

/**
 * The word {@code demoSystem()}: declares the demo's processes and returns their addresses, choosing them
 * at build time and starting nothing, as the stdlib's word does.
 */
public final class FakeDemoSystem implements DslWord {
    @Override
    public String name() {
        return "demoSystem";
    }

    @Override
    public String summary() {
        return "the demo system (test)";
    }

    @Override
    public Object call(BuildContext build, Map<String, Object> named, List<Object> args) {
        if (!args.isEmpty()) throw new DslException("demoSystem takes no arguments");
        for (String name : List.of("db", "guardian", "gateway")) {
            build.addResource(new ResourceSpec("process", name, Map.of("demo", true), build.callSite()));
        }
        return Map.of("gateway", "http://127.0.0.1:18080");
    }
}
