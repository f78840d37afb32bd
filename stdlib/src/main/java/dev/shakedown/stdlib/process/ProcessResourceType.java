package dev.shakedown.stdlib.process;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.engine.spi.RunContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Resources of kind {@code process}: launched ({@code command:}) or attached to ({@code match:} or
 * {@code pidFile:}).
 */
public final class ProcessResourceType implements ResourceType {
    public static final String KIND = "process";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> validate(ResourceSpec spec) {
        try {
            if (launches(spec)) LaunchOptions.from(spec.options(), what(spec));
            else AttachOptions.from(spec.options(), what(spec));
            return List.of();
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
    }

    @Override
    public String describe(ResourceSpec spec) {
        if (!launches(spec)) {
            return "attach to " + AttachOptions.from(spec.options(), what(spec)).describe() + " as " + what(spec)
                    + " (left running)";
        }
        LaunchOptions options = LaunchOptions.from(spec.options(), what(spec));
        return "launch " + what(spec) + ": " + options.commandLine() + "; " + readiness(options) + ", within "
                + Durations.format(options.startupTimeout()) + "; output to logs/" + spec.name() + ".log";
    }

    private static String readiness(LaunchOptions options) {
        List<String> conditions = new ArrayList<>();
        options.port().ifPresent(port -> conditions.add("127.0.0.1:" + port + " accepts connections"));
        options.ready().ifPresent(probe -> conditions.add("its ready condition holds"));
        return conditions.isEmpty() ? "ready as soon as it runs" : "ready when " + String.join(" and ", conditions);
    }

    @Override
    public Resource create(ResourceSpec spec, RunContext context) {
        try {
            return launches(spec)
                    ? new LaunchedProcess(spec.name(), LaunchOptions.from(spec.options(), what(spec)), context)
                    : new AttachedProcess(spec.name(), AttachOptions.from(spec.options(), what(spec)));
        } catch (DslException e) {
            throw e.at(spec.source());
        }
    }

    private static boolean launches(ResourceSpec spec) {
        boolean attaches = spec.options().containsKey("match") || spec.options().containsKey("pidFile");
        if (spec.options().containsKey("command") && attaches) {
            throw new DslException(what(spec) + ": give command: to launch it or match:/pidFile: to attach to it, not both",
                    spec.source());
        }
        return !attaches;
    }

    private static String what(ResourceSpec spec) {
        return "process '" + spec.name() + "'";
    }
}
