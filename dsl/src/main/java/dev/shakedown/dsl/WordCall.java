package dev.shakedown.dsl;

import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one call of a library {@link DslWord} sees of the build. The call site is looked up only if the
 * word asks for it: words read as properties ({@code http}) are also called from probes, many times a
 * second, where nobody needs it.
 */
final class WordCall implements BuildContext {
    private final PlanBuilder plan;
    private final String word;
    private SourceRef callSite;

    WordCall(PlanBuilder plan, String word) {
        this.plan = plan;
        this.word = word;
    }

    @Override
    public void addResource(ResourceSpec spec) {
        plan.addResource(spec);
    }

    @Override
    public void replaceResource(ResourceSpec spec) {
        plan.replaceResource(spec);
    }

    @Override
    public Optional<ResourceSpec> resource(String name) {
        return plan.resource(name);
    }

    @Override
    public List<ResourceSpec> resources() {
        return plan.resources();
    }

    /** Valid while the word runs: found from the stack, which then still holds the calling script line. */
    @Override
    public SourceRef callSite() {
        if (callSite == null) callSite = plan.callSite(word).at();
        return callSite;
    }

    @Override
    public Path scriptDirectory() {
        return plan.scriptDirectory();
    }
}
