package io.jenkins.plugins.gitops.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Jenkins' class filter (JEP-200) lets XStream persist, as far as a plugin's fields can show it.
 * Core's {@code jenkins.security.ClassFilterImpl} (jenkinsci/jenkins) accepts: a class a plugin lists in
 * {@code META-INF/hudson.remoting.ClassFilter} ({@code CustomClassFilter.Contributed}); arrays, throwables
 * and enums; classes of Jenkins core and of plugin jars; and JDK classes named in core's
 * {@code whitelisted-classes.txt}. It refuses everything else, notably classes of a plain library in a
 * plugin's {@code WEB-INF/lib} (such as this project's engine) and JDK classes it does not list
 * ({@code java.time.Instant}, {@code java.nio.file.Path}, {@code java.util.Optional}'s relatives...).
 */
final class ClassFilterRules {
    /**
     * JDK types a persisted field may have. A short list of our own, each checked to be in core's
     * {@code core/src/main/resources/jenkins/security/whitelisted-classes.txt} (jenkinsci/jenkins at
     * ff9430ee1dc6; unchanged for these since 2.479.3); the interfaces stand for their listed
     * implementations (ArrayList, ImmutableCollections$ListN, HashMap, LinkedHashMap, HashSet, ...).
     */
    static final Set<String> JDK = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Integer",
            "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Double",
            "java.lang.Float", "java.util.List", "java.util.ArrayList", "java.util.Map", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.Collection", "java.util.Date", "java.io.File", "java.net.URL", "java.net.URI");
    static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
    /** Packages of Jenkins core and of plugins, whose classes come from core or plugin jars. */
    static final List<String> JENKINS = List.of("hudson.", "jenkins.", "org.jenkinsci.", "com.cloudbees.",
            "org.kohsuke.stapler.");
    static final String WHITELIST = "META-INF/hudson.remoting.ClassFilter";

    private final Set<String> whitelisted;

    ClassFilterRules(Set<String> whitelisted) {
        this.whitelisted = Set.copyOf(whitelisted);
    }

    /** The classes a plugin whitelists: one name a line, {@code #} comments, {@code !name} refuses (ignored here). */
    static ClassFilterRules of(Path resources) {
        Path file = resources.resolve(WHITELIST);
        Set<String> names = new LinkedHashSet<>();
        if (Files.isRegularFile(file)) {
            try {
                Files.readAllLines(file).stream().map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!")).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ClassFilterRules(names);
    }

    Set<String> whitelisted() {
        return whitelisted;
    }

    boolean isWhitelisted(String name) {
        return whitelisted.contains(name);
    }

    /** JDK classes core lists, primitives, or classes of core and plugin jars. */
    static boolean acceptedOutright(String name) {
        return PRIMITIVES.contains(name) || JDK.contains(name) || JENKINS.stream().anyMatch(name::startsWith);
    }
}
