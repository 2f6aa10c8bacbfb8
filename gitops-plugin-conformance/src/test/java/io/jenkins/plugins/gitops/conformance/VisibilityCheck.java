package io.jenkins.plugins.gitops.conformance;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.modifiers.NodeWithPublicModifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What core calls by reflection from its own packages is public, all the way out: {@code @Initializer}
 * and {@code @Terminator} methods (core's {@code hudson.init.TaskMethodFinder} invokes them; a method
 * of a class that is not public fails with {@code IllegalAccessError}, which is only logged, so a
 * shutdown hook silently never runs), and {@code @Extension} classes, fields and methods (found
 * through the SezPoz index and instantiated by core's {@code ExtensionFinder.Sezpoz}; a nested
 * extension class must also be static).
 */
final class VisibilityCheck {
    private final SourceModel plugin;
    private final List<String> problems = new ArrayList<>();

    VisibilityCheck(SourceModel plugin) {
        this.plugin = plugin;
    }

    List<String> run() {
        for (SourceModel.Type type : plugin.types()) {
            String file = type.file().getFileName().toString();
            TypeDeclaration<?> declaration = type.declaration();
            if (declaration.isAnnotationPresent("Extension")) {
                requirePublic(file, "@Extension class " + type.simpleName(), type, declaration);
                if (type.outer() != null && !declaration.isStatic()) {
                    problems.add(file + ": @Extension class " + type.simpleName() + " is nested but not static, so core"
                            + " cannot instantiate it");
                }
            }
            for (BodyDeclaration<?> member : declaration.getMembers()) {
                if (member instanceof MethodDeclaration method) {
                    for (String annotation : List.of("Initializer", "Terminator", "Extension")) {
                        if (method.isAnnotationPresent(annotation)) {
                            requirePublic(file, "@" + annotation + " method " + type.simpleName() + "."
                                    + method.getNameAsString() + "()", type, method);
                        }
                    }
                } else if (member instanceof FieldDeclaration field && field.isAnnotationPresent("Extension")) {
                    requirePublic(file, "@Extension field " + type.simpleName() + "."
                            + field.getVariable(0).getNameAsString(), type, field);
                }
            }
        }
        return problems;
    }

    /** The member itself and every class around it must be public. */
    private void requirePublic(String file, String what, SourceModel.Type owner, NodeWithPublicModifier<?> member) {
        if (!member.isPublic()) {
            problems.add(file + ": " + what + " is not public, so core cannot call it by reflection");
        }
        for (SourceModel.Type t = owner; t != null; t = t.outer()) {
            if (t.declaration() != member && !t.declaration().isPublic()) {
                problems.add(file + ": " + what + " is in class " + t.simpleName() + ", which is not public, so core"
                        + " cannot call it by reflection (IllegalAccessError)");
            }
            if (t.outer() != null && !t.declaration().isStatic() && t.declaration() != member) {
                problems.add(file + ": " + what + " is in inner class " + t.simpleName() + ", which is not static");
            }
        }
    }
}
