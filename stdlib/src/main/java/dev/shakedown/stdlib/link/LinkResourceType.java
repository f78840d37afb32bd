package dev.shakedown.stdlib.link;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.Resource;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.stdlib.FreePorts;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resources of kind {@code link}: {@code link 'db', listen: 0, upstream: '127.0.0.1:5432'}. */
public final class LinkResourceType implements ResourceType {
    public static final String KIND = "link";

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Chooses the free port of a link declared with {@code listen: 0} (or without {@code listen}) while the
     * plan is built, so the script can hand {@code links.db.address} to a process it launches. The settled
     * spec says {@code listen: '127.0.0.1:PORT'}. A spec with mistakes is left for {@link #validate} to report.
     */
    @Override
    public ResourceSpec settle(ResourceSpec spec) {
        LinkOptions options;
        try {
            options = LinkOptions.from(spec.options(), what(spec));
        } catch (DslException e) {
            return spec;
        }
        if (options.listen().port() != 0) return spec;
        Map<String, Object> settled = new HashMap<>(spec.options());
        settled.put(LinkOptions.LISTEN, options.listen().withPort(FreePorts.pick()).toString());
        return new ResourceSpec(spec.kind(), spec.name(), settled, spec.source());
    }

    /** Also tries the listen port (bind, then close at once): a port in use is a mistake in the script, said before anything starts. */
    @Override
    public List<String> validate(ResourceSpec spec) {
        LinkOptions options;
        try {
            options = LinkOptions.from(spec.options(), what(spec));
        } catch (DslException e) {
            return List.of(e.getMessage());
        }
        if (options.listen().port() == 0) return List.of();
        try {
            Link.listen(spec.name(), options.listen()).close();
            return List.of();
        } catch (IOException e) {
            return List.of(e.getMessage() + "; choose another port, or listen: 0 for a free one");
        }
    }

    @Override
    public String describe(ResourceSpec spec) {
        LinkOptions options = LinkOptions.from(spec.options(), what(spec));
        String listen = options.listen().port() == 0 ? options.listen().host() + " (a free port)" : options.listen().toString();
        return "listen on " + listen + " and forward each connection to " + options.upstream()
                + " (a fault proxy: link faults act on its connections); log in logs/link-" + spec.name() + ".log";
    }

    @Override
    public Resource create(ResourceSpec spec, RunContext context) {
        try {
            return new Link(spec.name(), LinkOptions.from(spec.options(), what(spec)), context);
        } catch (DslException e) {
            throw e.at(spec.source());
        }
    }

    static String what(ResourceSpec spec) {
        return "link '" + spec.name() + "'";
    }
}
