package dev.shakedown.stdlib.dns;

import dev.shakedown.dsl.DslException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a dns resource answers for and their addresses, as written in the script (normalized names,
 * address literals as text), in the order they were declared.
 */
record DnsRecords(Map<String, List<String>> byName) {
    static final DnsRecords NONE = new DnsRecords(Map.of());

    DnsRecords {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byName.forEach((name, addresses) -> copy.put(name, List.copyOf(addresses)));
        byName = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads the {@code records} option: a map of name to one address or a list of them. Every name and
     * address is checked, so a typo is reported with the value that is wrong.
     */
    static DnsRecords from(Object value) {
        if (value == null) return NONE;
        if (!(value instanceof Map<?, ?> map)) {
            throw new DslException("option records: give a map of name to addresses ['svc.internal': ['127.0.0.1']], not " + value);
        }
        DnsRecords records = NONE;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            List<?> addresses = entry.getValue() instanceof List<?> list ? list : List.of(String.valueOf(entry.getValue()));
            records = records.with(String.valueOf(entry.getKey()), addresses.stream().map(String::valueOf).toList());
        }
        return records;
    }

    /** These records plus {@code name}'s addresses (added to those it has, without repeats). */
    DnsRecords with(String name, List<String> addresses) {
        String normalized = DnsNames.name(name);
        if (addresses.isEmpty()) throw new DslException("record '" + name + "' needs at least one address: record '" + name + "', '127.0.0.1'");
        addresses.forEach(a -> DnsNames.address(a, "record '" + name + "'"));
        Map<String, List<String>> merged = new LinkedHashMap<>(byName);
        LinkedHashSet<String> all = new LinkedHashSet<>(byName.getOrDefault(normalized, List.of()));
        addresses.forEach(a -> all.add(a.trim()));
        merged.put(normalized, new ArrayList<>(all));
        return new DnsRecords(merged);
    }

    DnsRecords with(DnsRecords more) {
        DnsRecords merged = this;
        for (var entry : more.byName.entrySet()) merged = merged.with(entry.getKey(), entry.getValue());
        return merged;
    }

    /** The addresses of {@code name} (any case, trailing dot or not); empty when the name is not declared. */
    Optional<List<InetAddress>> addresses(String name) {
        List<String> declared = byName.get(DnsNames.normalize(name));
        if (declared == null) return Optional.empty();
        return Optional.of(declared.stream().map(a -> DnsNames.address(a, "record '" + name + "'")).toList());
    }

    boolean has(String name) {
        return byName.containsKey(DnsNames.normalize(name));
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        byName.forEach((name, addresses) -> lines.add(name + " -> " + String.join(", ", addresses)));
        return String.join("; ", lines);
    }
}
