package io.gatepass.server.internal.api.codeartifact;

import io.gatepass.server.internal.api.codeartifact.PackageShapes.PackageDependency;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The direct dependencies a Maven POM declares, as ListPackageVersionDependencies reports them: the {@code <parent>}
 * (type {@code parent}) and each {@code <project><dependencies><dependency>} with its scope as the type
 * ({@code compile} when none; {@code optional} when marked optional), namespace = groupId, package = artifactId,
 * versionRequirement = the version as written (property references are not resolved). Dependency management and
 * profiles are not dependencies. DOCTYPEs are refused (no external entities); a POM that does not parse yields none.
 */
final class PomDependencies {
    private PomDependencies() {
    }

    static List<PackageDependency> of(byte[] pom) {
        Element project;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(pom));
            project = document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return List.of();
        }
        if (project == null || !project.getTagName().equals("project")) {
            return List.of();
        }
        List<PackageDependency> dependencies = new ArrayList<>();
        Element parent = child(project, "parent");
        if (parent != null && text(parent, "artifactId") != null) {
            dependencies.add(new PackageDependency(text(parent, "groupId"), text(parent, "artifactId"), "parent",
                    text(parent, "version")));
        }
        Element declared = child(project, "dependencies");
        if (declared != null) {
            for (Node node = declared.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element dependency && dependency.getTagName().equals("dependency")
                        && text(dependency, "artifactId") != null) {
                    String scope = text(dependency, "scope");
                    String type = "true".equals(text(dependency, "optional")) ? "optional"
                            : scope == null ? "compile" : scope;
                    dependencies.add(new PackageDependency(text(dependency, "groupId"),
                            text(dependency, "artifactId"), type, text(dependency, "version")));
                }
            }
        }
        return dependencies;
    }

    private static Element child(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static String text(Element element, String name) {
        Element child = child(element, name);
        if (child == null) {
            return null;
        }
        String text = child.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
