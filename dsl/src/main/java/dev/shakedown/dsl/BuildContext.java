package dev.shakedown.dsl;

import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.plan.SourceRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a {@link DslWord} may do while a script builds its plan. */
public interface BuildContext {
    /** Declares a resource the run will start (or attach to); names must be unique. */
    void addResource(ResourceSpec spec);

    /**
     * Replaces a declared resource with a changed spec of the same name, in the same place: for words that
     * declare one resource bit by bit ({@code dns} records from several blocks).
     */
    void replaceResource(ResourceSpec spec);

    Optional<ResourceSpec> resource(String name);

    /** Every resource declared so far, in order. */
    List<ResourceSpec> resources();

    /** The script line that is calling the word. */
    SourceRef callSite();

    /** The folder of the script, for paths relative to it. */
    Path scriptDirectory();
}
