package dev.shakedown.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Rejects {@code @Grab} and its companions with a compile error at the annotation. Grape would download
 * jars while a script compiles: a nightly chaos run must not depend on the network or run code nobody
 * reviewed, and libraries belong on the classpath. The compiler also has the Grab transformation
 * switched off, so this message is what the user sees instead of a download.
 */
final class GrabRejection extends CompilationCustomizer {
    private static final Set<String> GRAPE = Set.of("Grab", "Grapes", "GrabResolver", "GrabConfig", "GrabExclude");

    GrabRejection() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        if (module.getClasses().get(0) == classNode) {
            // Imports and the package belong to the file, not to a class: check them once.
            imports(module).forEach(i -> i.getAnnotations().forEach(a -> check(source, a)));
            if (module.getPackage() != null) module.getPackage().getAnnotations().forEach(a -> check(source, a));
        }
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                return source;
            }

            @Override
            protected void visitAnnotation(AnnotationNode annotation) {
                check(source, annotation);
                super.visitAnnotation(annotation);
            }
        }.visitClass(classNode);
    }

    private static List<ImportNode> imports(ModuleNode module) {
        List<ImportNode> all = new ArrayList<>(module.getImports());
        all.addAll(module.getStarImports());
        all.addAll(module.getStaticImports().values());
        all.addAll(module.getStaticStarImports().values());
        return all;
    }

    private static void check(SourceUnit source, AnnotationNode annotation) {
        String name = annotation.getClassNode().getNameWithoutPackage();
        if (GRAPE.contains(name)) {
            source.addError(new SyntaxException("@" + name + " is not supported: scripts do not download libraries; put the jar on the classpath instead",
                    annotation.getLineNumber(), annotation.getColumnNumber()));
        }
    }
}
