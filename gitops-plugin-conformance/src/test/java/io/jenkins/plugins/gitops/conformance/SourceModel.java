package io.jenkins.plugins.gitops.conformance;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The classes of some Java source roots, parsed without compiling (JavaParser), with the name
 * resolution the checks need: a simple or qualified type name as written in a class becomes a fully
 * qualified name through its nesting, imports, package and {@code java.lang} (wildcard imports are not
 * followed; the plugin has none). Nested classes are named with dots ({@code a.b.Outer.Inner}).
 */
final class SourceModel {
    /** One class, interface, enum or record of the sources, and where it is written. */
    record Type(String name, TypeDeclaration<?> declaration, CompilationUnit unit, Path file, Type outer) {
        String packageName() {
            return unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        }

        String simpleName() {
            return declaration.getNameAsString();
        }

        boolean isEnum() {
            return declaration.isEnumDeclaration();
        }
    }

    private final Map<String, Type> types = new LinkedHashMap<>();

    /** Parses every {@code .java} file under the roots that exist; a file that does not parse is an error. */
    static SourceModel parse(List<Path> roots) {
        SourceModel model = new SourceModel();
        JavaParser parser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    ParseResult<CompilationUnit> result = parser.parse(file);
                    CompilationUnit unit = result.getResult().filter(u -> result.isSuccessful()).orElseThrow(
                            () -> new IllegalStateException(file + ": does not parse: " + result.getProblems()));
                    unit.getTypes().forEach(t -> model.add(t, unit, file, null));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    private void add(TypeDeclaration<?> declaration, CompilationUnit unit, Path file, Type outer) {
        String prefix = outer != null ? outer.name() : unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        Type type = new Type(outer != null ? prefix + "." + declaration.getNameAsString()
                : prefix + declaration.getNameAsString(), declaration, unit, file, outer);
        types.put(type.name(), type);
        declaration.getMembers().stream().filter(m -> m instanceof TypeDeclaration<?>)
                .forEach(m -> add((TypeDeclaration<?>) m, unit, file, type));
    }

    List<Type> types() {
        return List.copyOf(types.values());
    }

    Optional<Type> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /**
     * The fully qualified name of a type name as written inside {@code context}: a class nested in it
     * or in its outer classes, an import, a class of the same package, or {@code java.lang}. A name that
     * none of these give is returned as written (a qualified name, or an unknown simple name).
     */
    String resolve(String written, Type context) {
        String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
        String rest = written.substring(first.length());
        for (Type t = context; t != null; t = t.outer()) {
            if (t.simpleName().equals(first)) {
                return t.name() + rest;
            }
            if (types.containsKey(t.name() + "." + first)) {
                return t.name() + "." + first + rest;
            }
        }
        for (ImportDeclaration i : context.unit().getImports()) {
            if (!i.isAsterisk() && !i.isStatic() && i.getName().getIdentifier().equals(first)) {
                return i.getNameAsString() + rest;
            }
        }
        String samePackage = context.packageName().isEmpty() ? first : context.packageName() + "." + first;
        if (types.containsKey(samePackage)) {
            return samePackage + rest;
        }
        if (!written.contains(".") && isJavaLang(first)) {
            return "java.lang." + first;
        }
        return written;
    }

    /** The direct supertypes (extends and implements) of a class, resolved. */
    List<String> supertypes(Type type) {
        List<String> names = new ArrayList<>();
        if (type.declaration() instanceof ClassOrInterfaceDeclaration c) {
            for (ClassOrInterfaceType t : c.getExtendedTypes()) {
                names.add(resolve(t.getNameWithScope(), type));
            }
            for (ClassOrInterfaceType t : c.getImplementedTypes()) {
                names.add(resolve(t.getNameWithScope(), type));
            }
        }
        return names;
    }

    /** Every supertype name reachable through the classes of these sources (their own supertypes are followed). */
    List<String> ancestors(Type type) {
        List<String> all = new ArrayList<>();
        List<Type> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            Type next = pending.remove(0);
            for (String s : supertypes(next)) {
                if (!all.contains(s)) {
                    all.add(s);
                    find(s).ifPresent(pending::add);
                }
            }
        }
        return all;
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, SourceModel.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
