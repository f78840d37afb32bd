package dev.shakedown.stdlib.link;

import dev.shakedown.dsl.BuildContext;
import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.validate.Suggestions;
import java.util.List;

/**
 * A declared link as a script sees it ({@code links.db.address}). Its address is known while the plan is
 * built: the link's port was chosen when it was declared. Its {@code toString()} is the link's name, so
 * {@code partition(links.db)} names the link like {@code partition('db')}.
 */
public final class LinkRef {
    private final String name;
    private final LinkOptions options;

    private LinkRef(String name, LinkOptions options) {
        this.name = name;
        this.options = options;
    }

    /** The link of that name, which the script must have declared before. */
    public static LinkRef declared(BuildContext build, String name) {
        ResourceSpec spec = build.resource(name).filter(r -> r.kind().equals(LinkResourceType.KIND)).orElseThrow(() -> {
            List<String> known = declaredNames(build);
            return new DslException("no link '" + name + "' is declared" + (known.isEmpty()
                    ? "; declare it first: link '" + name + "', listen: 0, upstream: 'host:port'"
                    : Suggestions.didYouMean(name, known) + " (declared: " + String.join(", ", known) + ")"));
        });
        return new LinkRef(name, LinkOptions.from(spec.options(), LinkResourceType.what(spec)));
    }

    static List<String> declaredNames(BuildContext build) {
        return build.resources().stream().filter(r -> r.kind().equals(LinkResourceType.KIND)).map(ResourceSpec::name).toList();
    }

    public String getName() {
        return name;
    }

    /** {@code 127.0.0.1:PORT}: where clients of the dependency connect instead of the dependency itself. */
    public String getAddress() {
        return options.listen().toString();
    }

    public String getHost() {
        return options.listen().host();
    }

    public int getPort() {
        return options.listen().port();
    }

    /** The dependency's own address, {@code host:port}. */
    public String getUpstream() {
        return options.upstream().toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
