package dev.shakedown.dsl;

import dev.shakedown.engine.plan.ResourceSpec;

import dev.shakedown.engine.spi.ArgumentType;
import dev.shakedown.engine.spi.Injector;
import dev.shakedown.engine.spi.Registry;
import dev.shakedown.engine.spi.ResourceType;
import dev.shakedown.engine.validate.Suggestions;
import groovy.lang.Closure;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every name a script can call, and how to say that a name is none of them. The static check (before the
 * script runs) and the messages of the build share it, so a typo reads the same wherever it is found.
 */
final class Vocabulary {
    /** The DSL's own words: the public methods scripts reach on the base class and on the builders. */
    static final Set<String> DSL_WORDS = Stream.of(ChaosScript.class, ScenarioBuilder.class, ExpectClause.class, SloBuilder.class, SloBuilder.Latency.class)
            .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
            .map(Method::getName)
            .filter(n -> !n.endsWith("Missing") && !n.startsWith("get"))
            .collect(Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new), Collections::unmodifiableSet));

    /** How each DSL word is written, appended to messages about using it wrongly. */
    private static final Map<String, String> FORMS = Map.ofEntries(
            Map.entry("component", "component 'guardian'"),
            Map.entry("include", "include 'lib/common.chaos.groovy'"),
            Map.entry("param", "def hold = param('hold', 30.s)"),
            Map.entry("condition", "condition 'healthy', every: 50.ms, { http.get(url).status == 200 }"),
            Map.entry("load", "load http.get(url), rate: 50.perSecond"),
            Map.entry("monitor", "monitor every: 500.ms"),
            Map.entry("slo", "slo { errorRate below 5.percent }"),
            Map.entry("abortWhen", "abortWhen { errorRate > 50.percent }"),
            Map.entry("scenario", "scenario 'crash' { inject kill('guardian'); recover }"),
            Map.entry("schedule", "schedule 'crash', cron: '0 0 3 * * ?'"),
            Map.entry("steadyState", "steadyState healthy"),
            Map.entry("inject", "inject kill('guardian')"),
            Map.entry("expect", "expect healthy within 30.s"),
            Map.entry("within", "expect healthy within 30.s"),
            Map.entry("hold", "hold 30.s"),
            Map.entry("recover", "recover"),
            Map.entry("errorRate", "errorRate below 5.percent"),
            Map.entry("p50", "latency.p50 below 200.ms"),
            Map.entry("p95", "latency.p95 below 500.ms"),
            Map.entry("p99", "latency.p99 below 1.s"),
            Map.entry("recovery", "recovery within 30.s"),
            Map.entry("failClosed", "failClosed within 1.s"));

    private final Registry registry;
    private final Map<String, DslWord> words;

    Vocabulary(Registry registry, Map<String, DslWord> words) {
        this.registry = registry;
        this.words = Collections.unmodifiableMap(new TreeMap<>(words)); // sorted: suggestions break ties the same way every run
    }

    /** {@code "; write it as: hold 30.s"} for a DSL word, nothing for others. */
    static String form(String word) {
        String form = FORMS.get(word);
        return form == null ? "" : "; write it as: " + form;
    }

    boolean isFault(String name) {
        return registry.injector(name).isPresent();
    }

    /** The positional arguments a fault declares (see {@link Injector#arguments()}); empty for other names. */
    List<ArgumentType> faultArguments(String name) {
        return registry.injector(name).map(Injector::arguments).orElse(List.of());
    }

    /** The declared resource as its type settles it (see {@link ResourceType#settle}); unknown kinds as declared. */
    ResourceSpec settle(ResourceSpec spec) {
        return registry.resourceType(spec.kind()).map(t -> t.settle(spec)).orElse(spec);
    }

    boolean isResourceKind(String name) {
        return registry.resourceType(name).isPresent();
    }

    Optional<DslWord> word(String name) {
        return Optional.ofNullable(words.get(name));
    }

    /** Whether a script may call {@code name} without declaring it. */
    boolean isCallable(String name) {
        return DSL_WORDS.contains(name) || isFault(name) || isResourceKind(name) || words.containsKey(name);
    }

    /** {@code unknown fault 'kil', did you mean 'kill'?} or {@code unknown word 'procces', did you mean 'process'?}. */
    String unknownCall(String name, Collection<String> scriptMethods) {
        Set<String> known = callables(scriptMethods);
        String kind = nearestIsFault(name, scriptMethods) ? "fault" : "word";
        String hint = Suggestions.didYouMean(name, known);
        return "unknown " + kind + " '" + name + "'"
                + (hint.isEmpty() ? " (not a DSL word, a fault, a library word or a method of this script)" : hint);
    }

    /** Whether the known name closest to {@code name} is a fault: {@code kil} was meant to be {@code kill}. */
    boolean nearestIsFault(String name, Collection<String> scriptMethods) {
        return Suggestions.closest(name, callables(scriptMethods)).filter(this::isFault).isPresent();
    }

    /**
     * A bare name that is neither a variable, a condition nor a word ({@code steadyState helthy}).
     *
     * @param scriptVariables the variables the script body declares, which its methods cannot see
     */
    String unknownName(String name, Collection<String> conditions, Set<String> scriptVariables) {
        if (scriptVariables.contains(name)) {
            return "'" + name + "' is a variable of the script body, which methods cannot see; pass it to the method as a parameter";
        }
        if (isCallable(name)) {
            // hold -5.s is hold.minus(5.s) to Groovy; condition 'a' every: ... reads 'condition' as a value too
            return "'" + name + "' is a word, but here it is read as a value (a minus or a missing comma after it?); "
                    + "call it with its arguments, in parentheses if they start with a sign" + form(name);
        }
        Set<String> known = new LinkedHashSet<>(conditions);
        known.addAll(words.keySet());
        Optional<String> closest = Suggestions.closest(name, known);
        if (closest.isEmpty()) return "unknown name '" + name + "' (not a variable, a condition or a word)";
        String kind = conditions.contains(closest.get()) ? "condition" : "word";
        return "unknown " + kind + " '" + name + "'" + Suggestions.didYouMean(name, known);
    }

    /** A known word called with arguments it cannot take. */
    static String wrongArguments(String name, Object[] args) {
        return wrongArguments(name, Arrays.stream(args).map(Vocabulary::typeName).toList());
    }

    /** @param types the simple names of the arguments' types */
    static String wrongArguments(String name, List<String> types) {
        return name + " cannot take (" + String.join(", ", types) + ")" + form(name);
    }

    static String typeName(Object value) {
        if (value == null) return "null";
        if (value instanceof CharSequence) return "String";
        if (value instanceof Closure<?>) return "Closure";
        return value.getClass().getSimpleName();
    }

    private Set<String> callables(Collection<String> scriptMethods) {
        Set<String> all = new LinkedHashSet<>(DSL_WORDS);
        registry.injectors().stream().map(Injector::name).forEach(all::add);
        registry.resourceTypes().stream().map(ResourceType::kind).forEach(all::add);
        all.addAll(words.keySet());
        all.addAll(scriptMethods);
        return all;
    }
}
