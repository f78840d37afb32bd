package dev.shakedown.dsl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One file of a script, compiled: the script itself or a file it includes.
 *
 * @param sha256   of the bytes compiled, for the evidence
 * @param check    what the static check learnt and found in this file
 * @param includes the files this one includes, by the path as written, in the order written
 */
record CompiledFile(ScriptSource source, ScriptPositions positions, String sha256, Class<?> type, UnknownNameCheck check,
                    Map<String, CompiledFile> includes) {

    /** The functions ({@code def guardianCrash(target) { ... }}) this file declares itself. */
    Set<String> functions() {
        return check.scriptMethods();
    }

    /** The functions a file that includes this one may call: its own and those of the files it includes, at any depth. */
    Set<String> sharedFunctions() {
        Set<String> all = new HashSet<>(functions());
        includes.values().forEach(f -> all.addAll(f.sharedFunctions()));
        return all;
    }

    /** The binding variables ({@code holdFor = ...}, without def) a file that includes this one may read, at any depth. */
    Set<String> sharedVariables() {
        Set<String> all = new HashSet<>(check.bindingVariables());
        includes.values().forEach(f -> all.addAll(f.sharedVariables()));
        return all;
    }

    /** The local variables ({@code def}) of this file's body and of the files it includes, with the file that declares each. */
    Map<String, String> localVariables() {
        Map<String, String> all = new HashMap<>();
        includes.values().forEach(f -> all.putAll(f.localVariables()));
        check.scriptVariables().forEach(v -> all.put(v, source.shown()));
        return all;
    }

    ChaosScript newInstance() throws ReflectiveOperationException {
        return (ChaosScript) type.getDeclaredConstructor().newInstance();
    }
}
