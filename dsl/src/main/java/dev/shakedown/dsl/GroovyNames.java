package dev.shakedown.dsl;

import groovy.lang.Closure;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.codehaus.groovy.runtime.DefaultGroovyMethods;
import org.codehaus.groovy.runtime.DefaultGroovyStaticMethods;
import org.codehaus.groovy.runtime.StringGroovyMethods;

/** What Groovy itself offers a script beyond the DSL, read from Groovy's classes so that it matches the Groovy in use. */
final class GroovyNames {
    /** Methods a script may call on itself or in a closure: Script's, Closure's and Groovy's methods on Object. */
    static final Set<String> OWN_METHODS = Stream.concat(
                    members(ChaosScript.class, Closure.class),
                    extensionMethods(DefaultGroovyMethods.class, DefaultGroovyStaticMethods.class).filter(GroovyNames::onObject))
            .map(Method::getName).collect(Collectors.toUnmodifiableSet());

    /** Properties a script may read on itself or in a closure ({@code binding}, {@code delegate}, {@code properties}). */
    static final Set<String> OWN_PROPERTIES = Stream.concat(
                    members(ChaosScript.class, Closure.class).filter(m -> m.getParameterCount() == 0),
                    extensionMethods(DefaultGroovyMethods.class).filter(GroovyNames::onObject).filter(m -> m.getParameterCount() == 1))
            .map(m -> property(m.getName())).filter(p -> !p.isEmpty()).collect(Collectors.toUnmodifiableSet());

    /** Groovy's added methods ({@code each}, {@code times}, ...) on any type. */
    static final Set<String> GROOVY_METHODS = extensionMethods(DefaultGroovyMethods.class, StringGroovyMethods.class)
            .map(Method::getName).collect(Collectors.toUnmodifiableSet());

    private GroovyNames() {}

    private static Stream<Method> members(Class<?>... types) {
        return Arrays.stream(types).flatMap(c -> Arrays.stream(c.getMethods()));
    }

    /** Groovy's extension methods: public static, the receiver as first parameter. */
    private static Stream<Method> extensionMethods(Class<?>... holders) {
        return members(holders).filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() > 0);
    }

    private static boolean onObject(Method method) {
        return method.getParameterTypes()[0] == Object.class;
    }

    /** {@code getBinding} is the property {@code binding}; a method that is no getter gives "". */
    static String property(String method) {
        int prefix = method.startsWith("get") ? 3 : method.startsWith("is") ? 2 : 0;
        if (prefix == 0 || method.length() == prefix) return "";
        return Character.toLowerCase(method.charAt(prefix)) + method.substring(prefix + 1);
    }
}
