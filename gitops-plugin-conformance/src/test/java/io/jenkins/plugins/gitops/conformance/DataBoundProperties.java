package io.jenkins.plugins.gitops.conformance;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.beans.Introspector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The properties Stapler binds on a class, read from its sources and those of its plugin superclasses:
 * the parameters of its {@code @DataBoundConstructor}, the {@code @DataBoundSetter} setters (and fields),
 * and the getters ({@code getX()}, {@code isX()}) that forms and the Snippet Generator read them back with.
 *
 * @param bound   names Stapler and Pipeline accept ({@code DescribableModel}: constructor and setters)
 * @param readable names with a public getter
 * @param classes the class and its plugin superclasses, nearest first (where help files are looked up)
 */
record DataBoundProperties(Set<String> bound, Set<String> readable, List<SourceModel.Type> classes) {

    static DataBoundProperties of(SourceModel model, SourceModel.Type type) {
        Set<String> bound = new LinkedHashSet<>();
        Set<String> readable = new LinkedHashSet<>();
        List<SourceModel.Type> classes = new ArrayList<>();
        for (SourceModel.Type t = type; t != null; t = superclass(model, t)) {
            classes.add(t);
            for (ConstructorDeclaration c : t.declaration().getConstructors()) {
                if (c.isAnnotationPresent("DataBoundConstructor")) {
                    c.getParameters().forEach(p -> bound.add(p.getNameAsString()));
                }
            }
            for (MethodDeclaration m : t.declaration().getMethods()) {
                String name = m.getNameAsString();
                if (m.isAnnotationPresent("DataBoundSetter") && name.startsWith("set") && name.length() > 3) {
                    bound.add(Introspector.decapitalize(name.substring(3)));
                }
                if (m.isPublic() && !m.isStatic() && m.getParameters().isEmpty()) {
                    if (name.startsWith("get") && name.length() > 3) {
                        readable.add(Introspector.decapitalize(name.substring(3)));
                    } else if (name.startsWith("is") && name.length() > 2) {
                        readable.add(Introspector.decapitalize(name.substring(2)));
                    }
                }
            }
            for (FieldDeclaration f : t.declaration().getFields()) {
                if (f.isAnnotationPresent("DataBoundSetter")) {
                    f.getVariables().forEach(v -> bound.add(v.getNameAsString()));
                }
            }
        }
        return new DataBoundProperties(bound, readable, classes);
    }

    /** Bound and readable back: what a form field or a step argument may name. */
    boolean isProperty(String name) {
        return bound.contains(name) && readable.contains(name);
    }

    private static SourceModel.Type superclass(SourceModel model, SourceModel.Type type) {
        if (type.declaration() instanceof ClassOrInterfaceDeclaration c && !c.isInterface()
                && !c.getExtendedTypes().isEmpty()) {
            return model.find(model.resolve(c.getExtendedTypes().get(0).getNameWithScope(), type)).orElse(null);
        }
        return null;
    }
}
