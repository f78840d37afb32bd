package dev.shakedown.engine.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/** The injectors, resource types and schedule checks on the classpath, found with {@link ServiceLoader}, by name. */
public final class Registry {
    private final Map<String, Injector> injectors;
    private final Map<String, ResourceType> resourceTypes;
    private final Map<String, UndoAction> undoActions;
    private final List<ScheduleCheck> scheduleChecks;

    public Registry(ClassLoader loader) {
        this.injectors = load(Injector.class, loader, Injector::name);
        this.resourceTypes = load(ResourceType.class, loader, ResourceType::kind);
        this.undoActions = load(UndoAction.class, loader, UndoAction::action);
        this.scheduleChecks = ServiceLoader.load(ScheduleCheck.class, loader).stream().map(ServiceLoader.Provider::get).toList();
    }

    public static Registry fromClasspath() {
        return new Registry(Thread.currentThread().getContextClassLoader());
    }

    private static <T> Map<String, T> load(Class<T> type, ClassLoader loader, Function<T, String> key) {
        Map<String, T> byName = new TreeMap<>();
        for (T t : ServiceLoader.load(type, loader)) {
            T previous = byName.putIfAbsent(key.apply(t), t);
            if (previous != null && previous.getClass() != t.getClass()) {
                throw new IllegalStateException(type.getSimpleName() + " '" + key.apply(t) + "' is provided twice: by "
                        + previous.getClass().getName() + " and " + t.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    public Optional<Injector> injector(String name) {
        return Optional.ofNullable(injectors.get(name));
    }

    public Collection<Injector> injectors() {
        return injectors.values();
    }

    public Optional<ResourceType> resourceType(String kind) {
        return Optional.ofNullable(resourceTypes.get(kind));
    }

    public Collection<ResourceType> resourceTypes() {
        return resourceTypes.values();
    }

    /** The ledger replay steps, by the undo record action each handles. */
    public Map<String, UndoAction> undoActions() {
        return undoActions;
    }

    /** The checks of the scheduling library, if one is on the classpath. */
    public List<ScheduleCheck> scheduleChecks() {
        return scheduleChecks;
    }
}
