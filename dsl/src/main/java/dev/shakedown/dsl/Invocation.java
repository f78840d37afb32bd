package dev.shakedown.dsl;

import groovy.lang.Closure;
import groovy.lang.GString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a script call, split the way Groovy passes them: {@code kill('guardian', signal: 9)}
 * arrives as {@code [[signal: 9], 'guardian']}, named arguments first as one map. GStrings become Strings
 * so that plans hold plain values.
 */
record Invocation(Map<String, Object> named, List<Object> positional) {
    static final Invocation NONE = new Invocation(Map.of(), List.of());
    private static final String CODE = "a closure or method reference";
    private static final String DATA = "; its arguments are values, such as 'guardian', 30.s or 128.mb";

    static Invocation of(Object[] args) {
        List<Object> positional = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (i == 0 && args[0] instanceof Map<?, ?> map) {
                map.forEach((k, v) -> named.put(String.valueOf(k), plain(v)));
            } else {
                positional.add(plain(args[i]));
            }
        }
        return new Invocation(Collections.unmodifiableMap(named), Collections.unmodifiableList(positional));
    }

    /** Plans are immutable records that reject nulls; say which argument was missing instead. */
    Invocation requireValues(CallSite call) {
        for (int i = 0; i < positional.size(); i++) {
            if (positional.get(i) == null) throw call.error(call.word() + " got null as argument " + (i + 1));
        }
        named.forEach((k, v) -> {
            if (v == null) throw call.error(call.word() + " got null for " + k + ":");
        });
        return this;
    }

    /**
     * A fault's arguments are data that the plan, the ledger and {@code plan --json} carry: a closure or a method
     * reference (what {@code memory(size:: size)} passes) is refused where it was written.
     */
    Invocation requireData(CallSite call) {
        for (int i = 0; i < positional.size(); i++) {
            if (positional.get(i) instanceof Closure<?>) throw call.error(call.word() + " got " + CODE + " as argument " + (i + 1) + DATA);
        }
        named.forEach((k, v) -> {
            if (v instanceof Closure<?>) throw call.error(call.word() + " got " + CODE + " for " + k + ":" + DATA);
        });
        return this;
    }

    private static Object plain(Object value) {
        return value instanceof GString g ? g.toString() : value;
    }
}
