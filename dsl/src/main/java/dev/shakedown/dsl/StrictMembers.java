package dev.shakedown.dsl;

import groovy.lang.GroovyObject;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;

/** What {@code plan --strict} knows of a type: whether its members are fixed, and which they are, for suggestions. */
final class StrictMembers {
    private static final Set<String> DYNAMIC_HOOKS = Set.of("propertyMissing", "methodMissing");

    private StrictMembers() {}

    /**
     * Whether a value of this static type has only the members its class declares. {@code Object} (a value
     * the checker knows nothing about), scripts, closures and other objects that answer any name
     * ({@code propertyMissing}, an own {@code getProperty}) do not: a name they lack is no mistake.
     */
    static boolean isStatic(ClassNode type) {
        if (type == null || ClassHelper.isObjectType(type) || type.isGenericsPlaceHolder() || type.isScript()) return false;
        Optional<Class<?>> known = javaClass(type);
        if (known.isEmpty()) return type.getMethods().stream().map(MethodNode::getName).noneMatch(DYNAMIC_HOOKS::contains);
        Class<?> c = known.get();
        if (!GroovyObject.class.isAssignableFrom(c)) return true;
        boolean hooks = Arrays.stream(c.getMethods()).map(Method::getName).anyMatch(DYNAMIC_HOOKS::contains);
        return !hooks && !overrides(c, "getProperty", String.class) && !overrides(c, "invokeMethod", String.class, Object.class);
    }

    /** The class behind a type, when the type is not one the script itself declares. */
    static Optional<Class<?>> javaClass(ClassNode type) {
        if (type == null || !type.isResolved()) return Optional.empty();
        try {
            return Optional.of(type.getTypeClass());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // a class of the script itself: not loaded yet
        }
    }

    static Class<?> boxed(Class<?> type) {
        return MethodType.methodType(type).wrap().returnType();
    }

    /** The type as the script would name it: {@code Duration}, {@code Latency}, {@code int}. */
    static String name(ClassNode type) {
        return javaClass(type).map(Class::getSimpleName).orElse(type.getNameWithoutPackage());
    }

    static Set<String> methods(ClassNode type) {
        return javaClass(type).map(c -> Arrays.stream(c.getMethods()).map(Method::getName))
                .orElseGet(() -> type.getAllDeclaredMethods().stream().map(MethodNode::getName))
                .filter(n -> !n.contains("$")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code getGateway()} is the property {@code gateway}; {@code isAlive()} is {@code alive}. */
    static Set<String> properties(ClassNode type) {
        return methods(type).stream().map(GroovyNames::property).filter(p -> !p.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean overrides(Class<?> type, String name, Class<?>... parameters) {
        try {
            Class<?> declaring = type.getMethod(name, parameters).getDeclaringClass();
            return !declaring.isInterface() && declaring != groovy.lang.GroovyObjectSupport.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
