package io.jenkins.plugins.gitops.conformance;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every class that can end up in a persisted field of a plugin class Jenkins saves (an {@code Action},
 * a {@code StepExecution}, a {@code Describable} or its {@code Descriptor}, a {@code GlobalConfiguration},
 * anything {@code Saveable}) is one the class filter accepts ({@link ClassFilterRules}). Non-static,
 * non-transient fields are followed into the plugin's own classes and the whitelisted ones, whose
 * sources must be at hand, so that what they hold is checked too. Whitelist entries that name no
 * class are reported as well. Records are refused outright (core's XStream 1.4 cannot unmarshal them) and
 * their components are followed like fields.
 */
final class PersistedFieldCheck {
    /** Jenkins types whose plugin subclasses Jenkins persists (XStream; step executions: Java serialization). */
    static final Set<String> PERSISTED_ROOTS = Set.of("hudson.model.Action", "jenkins.model.RunAction2",
            "hudson.model.InvisibleAction", "org.jenkinsci.plugins.workflow.steps.StepExecution",
            "org.jenkinsci.plugins.workflow.steps.AbstractStepExecutionImpl",
            "org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution",
            "org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution",
            "org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution",
            "org.jenkinsci.plugins.workflow.steps.Step", "hudson.model.Describable",
            "hudson.model.AbstractDescribableImpl", "hudson.model.Descriptor",
            "org.jenkinsci.plugins.workflow.steps.StepDescriptor", "jenkins.model.GlobalConfiguration",
            "hudson.model.Saveable", "hudson.model.JobProperty");

    private final SourceModel plugin;
    private final SourceModel engine;
    private final ClassFilterRules rules;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> checked = new HashSet<>();

    PersistedFieldCheck(SourceModel plugin, SourceModel engine, ClassFilterRules rules) {
        this.plugin = plugin;
        this.engine = engine;
        this.rules = rules;
    }

    List<String> run() {
        for (SourceModel.Type type : plugin.types()) {
            if (plugin.ancestors(type).stream().anyMatch(PERSISTED_ROOTS::contains)) {
                fields(plugin, type, type.simpleName());
            }
        }
        for (String name : rules.whitelisted()) {
            if (plugin.find(name).isEmpty() && engine.find(name).isEmpty()) {
                problems.add(ClassFilterRules.WHITELIST + ": " + name + " is not a class of the plugin or the engine;"
                        + " remove it or fix the name");
            }
        }
        return problems;
    }

    private void fields(SourceModel model, SourceModel.Type type, String path) {
        if (!checked.add(type.name())) {
            return;
        }
        if (type.declaration() instanceof RecordDeclaration record) {
            // XStream 1.4 (core's) reads objects by setting fields through Unsafe, which the JDK refuses for records
            problems.add(type.file().getFileName() + ": persisted field " + path + " holds " + type.name() + ", a record,"
                    + " which core's XStream cannot read back; persist a plain class with fields (and a no-argument"
                    + " path through readResolve if it must stay immutable)");
            record.getParameters().forEach(p -> check(model, type, p.getType(), path + "." + p.getNameAsString(),
                    type.file().getFileName().toString()));
        }
        for (FieldDeclaration field : type.declaration().getFields()) {
            if (field.isStatic() || field.isTransient()) {
                continue;
            }
            field.getVariables().forEach(v -> check(model, type, v.getType(), path + "." + v.getNameAsString(),
                    type.file().getFileName().toString()));
        }
    }

    private void check(SourceModel model, SourceModel.Type context, Type written, String path, String file) {
        if (written.isPrimitiveType()) {
            return;
        }
        if (written instanceof WildcardType wildcard) {
            wildcard.getExtendedType().ifPresent(bound -> check(model, context, bound, path, file));
            return;
        }
        if (written instanceof ArrayType array) {
            check(model, context, array.getComponentType(), path + "[]", file);
            return;
        }
        if (!(written instanceof ClassOrInterfaceType classType)) {
            problems.add(file + ": persisted field " + path + " has a type the check cannot follow: " + written);
            return;
        }
        classType.getTypeArguments().ifPresent(args -> args.forEach(a -> check(model, context, a, path + "<>", file)));
        String name = model.resolve(classType.getNameWithScope(), context);
        if (ClassFilterRules.acceptedOutright(name)) {
            return;
        }
        if (plugin.find(name).isPresent() && !isEngine(name)) {
            fields(plugin, plugin.find(name).get(), path);
            return;
        }
        SourceModel.Type library = engine.find(name).orElse(null);
        if (library != null && library.isEnum()) {
            return; // ClassFilterImpl accepts every enum
        }
        if (rules.isWhitelisted(name)) {
            if (library == null) {
                problems.add(file + ": persisted field " + path + " holds " + name + ", whitelisted but without"
                        + " sources here to check what it holds");
            } else {
                fields(engine, library, path);
            }
            return;
        }
        problems.add(file + ": persisted field " + path + " holds " + name + ", which Jenkins' class filter refuses"
                + " (not a JDK class core lists, not of core or a plugin jar, not in " + ClassFilterRules.WHITELIST
                + "): build.xml/config.xml would not be saved; persist a class of the plugin, or whitelist a"
                + " class of the plugin's libraries there");
    }

    private static boolean isEngine(String name) {
        return name.startsWith("io.jenkins.plugins.gitops.engine.");
    }
}
