package dev.shakedown.stdlib.link;

import dev.shakedown.dsl.BuildContext;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the script word {@code links} gives: the declared links by name, so that {@code links.db.address}
 * reads like a property. A name that was not declared is a script error.
 */
public final class Links extends AbstractMap<String, LinkRef> {
    private final BuildContext build;

    Links(BuildContext build) {
        this.build = build;
    }

    @Override
    public LinkRef get(Object name) {
        return LinkRef.declared(build, String.valueOf(name));
    }

    @Override
    public boolean containsKey(Object name) {
        return LinkRef.declaredNames(build).contains(String.valueOf(name));
    }

    @Override
    public Set<Entry<String, LinkRef>> entrySet() {
        Map<String, LinkRef> all = new LinkedHashMap<>();
        for (String name : LinkRef.declaredNames(build)) all.put(name, get(name));
        return all.entrySet();
    }

    @Override
    public String toString() {
        return "links (the declared links, by name)";
    }
}
