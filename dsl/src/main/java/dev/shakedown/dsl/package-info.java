/**
 * The Groovy DSL of Shakedown: {@code *.chaos.groovy} scripts compiled into an engine
 * {@link dev.shakedown.engine.plan.ExperimentPlan}.
 *
 * <p>{@link dev.shakedown.dsl.ScriptCompiler} is the entry point. A compile goes through these steps:
 * <ol>
 *   <li>Groovy parses the script with {@link dev.shakedown.dsl.ChaosScript} as its base class. Right after
 *       parsing, {@code SyntaxRewrites} makes the DSL's few, narrow AST rewrites, {@code GrabRejection}
 *       refuses {@code @Grab}, and {@code IncludeStatements} finds the files the script includes
 *       ({@code IncludeResolver}) and compiles each through these same steps ({@code ScriptFiles}), so
 *       that their functions and variables are known to the checks of the including file.</li>
 *   <li>After semantic analysis, {@code SourceIndexer} records where every name is written, and
 *       {@code UnknownNameCheck} reports every call of a name nothing defines (and, once the build has
 *       declared the conditions, every unknown bare name, even in code the build does not run).</li>
 *   <li>The script runs once and builds the plan through {@code PlanBuilder}: the top-level words of
 *       {@code ChaosScript} (an {@code include} runs the included file there, once),
 *       {@link dev.shakedown.dsl.ScenarioBuilder} and
 *       {@link dev.shakedown.dsl.SloBuilder} as closure delegates, library {@link dev.shakedown.dsl.DslWord}s,
 *       and the registry's faults and resource kinds as functions. Steps are recorded, nothing starts.</li>
 *   <li>The engine's {@link dev.shakedown.engine.validate.PlanValidator} checks the plan.</li>
 * </ol>
 * Every mistake found on the way becomes a {@link dev.shakedown.dsl.ScriptError} at {@code file:line:col},
 * all of them together in one {@link dev.shakedown.dsl.ScriptErrors}. Unit literals ({@code 30.s},
 * {@code 5.percent}) come from the extension module {@link dev.shakedown.dsl.Units}.
 */
package dev.shakedown.dsl;
