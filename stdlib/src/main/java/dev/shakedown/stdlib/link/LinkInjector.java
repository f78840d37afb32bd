package dev.shakedown.stdlib.link;

import dev.shakedown.dsl.DslException;
import dev.shakedown.engine.plan.ByteRate;
import dev.shakedown.engine.plan.Durations;
import dev.shakedown.engine.plan.ExperimentPlan;
import dev.shakedown.engine.plan.FaultSpec;
import dev.shakedown.engine.plan.Percent;
import dev.shakedown.engine.plan.ResourceSpec;
import dev.shakedown.engine.spi.ArgumentType;
import dev.shakedown.engine.spi.Fault;
import dev.shakedown.engine.spi.FaultCategory;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.RunContext;
import dev.shakedown.engine.validate.Suggestions;
import dev.shakedown.stdlib.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fault on a link: the first argument names the link (or is {@code links.db}); every such fault takes
 * {@code direction:} ({@code 'upstream'}, {@code 'downstream'}, {@code 'both'}) and {@code toxicity:} (the
 * share of connections it selects). Subclasses say what the fault does to the data.
 */
abstract class LinkInjector implements Injector {
    static final String DIRECTION = "direction";
    static final String TOXICITY = "toxicity";
    private static final ArgumentType LINK = new ArgumentType("a link: its name ('db') or links.db", CharSequence.class, LinkRef.class);

    private final String name;
    private final String summary;
    private final String usage;
    /** The link, then what the fault needs besides it. */
    private final List<ArgumentType> arguments;
    private final Set<String> options = new HashSet<>(Set.of(DIRECTION, TOXICITY));

    /**
     * @param usage     an example call, for messages: {@code "latency('db', 200.ms, jitter: 50.ms)"}
     * @param after     positional arguments after the link (the delay of {@code latency})
     * @param options   named options of this fault besides {@code direction} and {@code toxicity}
     */
    LinkInjector(String name, String summary, String usage, List<ArgumentType> after, Set<String> options) {
        this.name = name;
        this.summary = summary;
        this.usage = usage;
        List<ArgumentType> all = new ArrayList<>(List.of(LINK));
        all.addAll(after);
        this.arguments = List.copyOf(all);
        this.options.addAll(options);
    }

    /** What the fault does, read from its arguments; throws {@link IllegalArgumentException} with a sentence for a bad value. */
    abstract Effect effect(FaultSpec spec);

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public List<ArgumentType> arguments() {
        return arguments;
    }

    @Override
    public FaultCategory category() {
        return FaultCategory.NETWORK;
    }

    @Override
    public List<String> validate(FaultSpec spec, ExperimentPlan plan) {
        if (spec.target() == null) return List.of(name + " needs the name of a link: " + usage);
        Optional<ResourceSpec> resource = plan.resource(spec.target());
        if (resource.isEmpty()) {
            List<String> links = plan.resources().stream()
                    .filter(r -> r.kind().equals(LinkResourceType.KIND)).map(ResourceSpec::name).toList();
            return List.of("no link '" + spec.target() + "'" + Suggestions.didYouMean(spec.target(), links)
                    + (links.isEmpty() ? "; declare it first: link '" + spec.target() + "', listen: 0, upstream: 'host:port'" : ""));
        }
        if (!resource.get().kind().equals(LinkResourceType.KIND)) {
            return List.of("'" + spec.target() + "' is a " + resource.get().kind() + ", not a link; " + name + " works on links");
        }
        try {
            impairment(spec);
            return List.of();
        } catch (IllegalArgumentException | DslException e) {
            return List.of(e.getMessage());
        }
    }

    /**
     * Loads and links what the first apply runs (the effects, the choice of a connection's conduct, the
     * sentences for the log), so the first fault of a run takes hold as fast as the later ones. Touches no link.
     */
    @Override
    public void warmUp() {
        List<Effect> effects = List.of(new Effect.Stall(Optional.of(Duration.ofSeconds(1))), new Effect.Reset(),
                new Effect.Delay(Duration.ofMillis(2), Duration.ofMillis(1)), new Effect.Throttle(new ByteRate(1)));
        for (Effect effect : effects) {
            Impairment example = new Impairment(effect, Direction.BOTH, 0.5);
            Conduct.of(List.of(example), Direction.UPSTREAM).delayed();
            example.toString();
        }
    }

    @Override
    public String describe(FaultSpec spec) {
        return impairment(spec) + " on link '" + spec.target() + "'; recover heals it";
    }

    @Override
    public Fault prepare(FaultSpec spec, RunContext run) {
        Link link = run.resource(spec.target(), Link.class)
                .orElseThrow(() -> new IllegalStateException("link '" + spec.target() + "' is not part of this run"));
        return new LinkFault(link, impairment(spec));
    }

    Impairment impairment(FaultSpec spec) {
        Options.requireKnown(spec.options(), options, name);
        if (spec.args().size() != arguments.size()) {
            throw new IllegalArgumentException(name + " takes " + (arguments.size() == 1 ? "only the link" : "the link and "
                    + (arguments.size() - 1) + " more") + ": " + usage);
        }
        Direction direction = Direction.parse(spec.options().getOrDefault(DIRECTION, Direction.BOTH.word()));
        return new Impairment(effect(spec), direction, toxicity(spec.options().get(TOXICITY)));
    }

    /**
     * A duration from a script ({@code 200.ms}, or {@code '200ms'}), above zero (zero too where
     * {@code zeroAllowed}) and at most {@code max}: a longer one is a typo, or a different fault.
     */
    static Duration duration(Object value, String what, boolean zeroAllowed, Duration max, String instead) {
        Duration d;
        try {
            d = value instanceof Duration given ? given : Durations.parse(String.valueOf(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
        if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
            throw new IllegalArgumentException(what + " must be " + (zeroAllowed ? "zero or more" : "above zero") + ", not " + Durations.format(d));
        }
        if (d.compareTo(max) > 0) {
            throw new IllegalArgumentException(what + " of " + Durations.format(d) + " is too long for a link fault (at most "
                    + Durations.format(max) + instead + ")");
        }
        return d;
    }

    private static double toxicity(Object value) {
        if (value == null) return 1;
        Percent share;
        if (value instanceof Percent p) {
            share = p;
        } else if (value instanceof CharSequence text && text.toString().trim().endsWith("%")) {
            String number = text.toString().trim();
            share = Percent.of(parseNumber(number.substring(0, number.length() - 1), value));
        } else {
            throw new IllegalArgumentException("toxicity: write a share of the connections such as 30.percent, not " + value);
        }
        if (!(share.fraction() >= 0 && share.fraction() <= 1)) {
            throw new IllegalArgumentException("toxicity is the share of connections affected, so it lies within 0-100 %, not " + share);
        }
        return share.fraction();
    }

    private static double parseNumber(String text, Object value) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("toxicity: write a share of the connections such as 30.percent, not " + value);
        }
    }
}
