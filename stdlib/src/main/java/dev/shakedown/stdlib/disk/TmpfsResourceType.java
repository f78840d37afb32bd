package dev.shakedown.stdlib.disk;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteSize;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.stdlib.Options;
import dev.shakedown.stdlib.process.LaunchOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Resources of kind {@code tmpfs} (options {@code path}, {@code size}): a small filesystem mounted for the
 * run, so a disk fault can fill it instead of the machine's disk. {@code path} may use {@code ${runDir}}.
 */
public final class TmpfsResourceType implements ResourceType {
    public static final String KIND = "tmpfs";
    private static final Set<String> NAMES = Set.of("path", "size");

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> validate(ResourceSpec spec) {
        try {
            path(spec);
            size(spec);
            return List.of();
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public String describe(ResourceSpec spec) {
        return "mount a " + size(spec) + " tmpfs at " + path(spec) + " (as root; otherwise a plain directory, and "
                + "disk faults with dedicatedOnly: true are skipped); unmounted at the end";
    }

    @Override
    public Resource create(ResourceSpec spec, RunContext context) {
        try {
            Path path = Path.of(path(spec).replace(LaunchOptions.RUN_DIR, context.runDirectory().toString()));
            return new TmpfsResource(spec.name(), path.toAbsolutePath().normalize(), size(spec), context);
        } catch (DslException e) {
            throw e.at(spec.source());
        }
    }

    private static String path(ResourceSpec spec) {
        Options.requireKnown(spec.options(), NAMES, "tmpfs '" + spec.name() + "'");
        return Options.string(spec.options(), "path")
                .orElseThrow(() -> new DslException("tmpfs '" + spec.name() + "' needs path:, where to mount it"));
    }

    private static ByteSize size(ResourceSpec spec) {
        Object size = spec.options().get("size");
        if (size instanceof ByteSize b && b.bytes() >= ByteSize.MB) return b;
        throw new DslException("tmpfs '" + spec.name() + "' needs size: of at least 1.mb, e.g. size: 32.mb (not " + size + ")");
    }
}
