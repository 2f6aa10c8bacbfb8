package io.jenkins.plugins.gitops.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ProcessingInstruction;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Every Jelly view of the plugin is well-formed XML and starts with
 * {@code <?jelly escape-by-default='true'?>} (what plugin-pom's injected {@code JellyTestSuite} requires, so
 * that {@code ${...}} is HTML-escaped), and every {@code field="x"} of a view names a property of the class
 * the view belongs to ({@link DataBoundProperties}: bound by {@code @DataBoundConstructor} or
 * {@code @DataBoundSetter} and readable by a getter), with a {@code help-x.html} beside the view of that
 * class or of a superclass (where core's {@code Descriptor.getHelpFile} looks).
 */
final class JellyViewCheck {
    private static final Pattern ESCAPE = Pattern.compile("escape-by-default\\s*=\\s*['\"]true['\"]");

    private final SourceModel plugin;
    private final Path resources;
    private final List<String> problems = new ArrayList<>();

    JellyViewCheck(SourceModel plugin, Path resources) {
        this.plugin = plugin;
        this.resources = resources;
    }

    List<String> run() {
        if (!Files.isDirectory(resources)) {
            return problems;
        }
        try (Stream<Path> files = Files.walk(resources)) {
            files.filter(f -> f.toString().endsWith(".jelly")).sorted().forEach(this::check);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private void check(Path view) {
        String name = resources.relativize(view).toString().replace('\\', '/');
        Document document;
        try {
            document = parser().parse(view.toFile());
        } catch (SAXParseException e) {
            problems.add(name + ":" + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
            return;
        } catch (SAXException | IOException e) {
            problems.add(name + ": not well-formed XML: " + e.getMessage());
            return;
        }
        Node first = document.getFirstChild();
        if (!(first instanceof ProcessingInstruction pi && pi.getTarget().equals("jelly")
                && ESCAPE.matcher(pi.getData()).find())) {
            problems.add(name + ": does not start with <?jelly escape-by-default='true'?>, so ${...} is not escaped");
        }
        Set<String> fields = new LinkedHashSet<>();
        collectFields(document.getDocumentElement(), fields);
        if (!fields.isEmpty()) {
            checkFields(name, view, fields);
        }
    }

    private void checkFields(String name, Path view, Set<String> fields) {
        String owner = resources.relativize(view.getParent()).toString().replace('\\', '/').replace('/', '.');
        SourceModel.Type type = plugin.find(owner).orElse(null);
        if (type == null) {
            problems.add(name + ": has field= entries but no class " + owner + " in the plugin's sources");
            return;
        }
        DataBoundProperties properties = DataBoundProperties.of(plugin, type);
        for (String field : fields) {
            if (!properties.bound().contains(field)) {
                problems.add(name + ": field=\"" + field + "\" is neither a @DataBoundConstructor parameter nor a"
                        + " @DataBoundSetter of " + type.simpleName() + ", so the form's value is dropped");
            } else if (!properties.readable().contains(field)) {
                problems.add(name + ": field=\"" + field + "\" has no getter in " + type.simpleName()
                        + ", so the form cannot show the saved value");
            }
            boolean help = properties.classes().stream().anyMatch(c -> Files.isRegularFile(
                    resources.resolve(c.name().replace('.', '/')).resolve("help-" + field + ".html")));
            if (!help) {
                problems.add(name + ": field=\"" + field + "\" has no help-" + field + ".html beside the view of "
                        + type.simpleName() + " or of a superclass");
            }
        }
    }

    private static void collectFields(Element element, Set<String> fields) {
        if (element.hasAttribute("field")) {
            fields.add(element.getAttribute("field"));
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                collectFields(child, fields);
            }
        }
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
