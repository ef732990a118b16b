package io.gatepass.server.internal.endpoints.packages.maven;

import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.Snapshot;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.SnapshotFile;
import io.gatepass.server.internal.endpoints.packages.maven.MavenMetadata.Versions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@code maven-metadata.xml} exactly as served (the same content always gives the same bytes, so checksums
 * fetched in a later request match), and reads the ones clients upload.
 */
public final class MavenMetadataXml {
    /** Larger uploads are refused (a metadata file lists versions; a few hundred KiB is already very large). */
    public static final int MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

    private MavenMetadataXml() {
    }

    /**
     * What a client's {@code maven-metadata.xml} says, as far as publishing needs it.
     *
     * @param groupLevel a group's plugin list ({@code <plugins>}, no groupId or artifactId): groupId and artifactId
     *                   are then ""
     */
    public record Uploaded(String groupId, String artifactId, Optional<String> version, List<String> versions,
                           Optional<SnapshotBuild> snapshot, boolean groupLevel) {
        public Uploaded {
            versions = List.copyOf(versions);
        }
    }

    public static byte[] write(MavenMetadata metadata) {
        StringBuilder out = new StringBuilder(512);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata modelVersion=\"1.1.0\">\n");
        element(out, 1, "groupId", metadata.groupId());
        element(out, 1, "artifactId", metadata.artifactId());
        if (metadata instanceof Versions versions) {
            writeVersions(out, versions);
        } else {
            writeSnapshot(out, (Snapshot) metadata);
        }
        out.append("</metadata>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeVersions(StringBuilder out, Versions versions) {
        out.append("  <versioning>\n");
        versions.latest().ifPresent(latest -> element(out, 2, "latest", latest));
        versions.release().ifPresent(release -> element(out, 2, "release", release));
        out.append("    <versions>\n");
        for (String version : versions.versions()) {
            element(out, 3, "version", version);
        }
        out.append("    </versions>\n");
        element(out, 2, "lastUpdated", SnapshotBuild.lastUpdated(versions.lastUpdated()));
        out.append("  </versioning>\n");
    }

    private static void writeSnapshot(StringBuilder out, Snapshot snapshot) {
        element(out, 1, "version", snapshot.version());
        out.append("  <versioning>\n");
        snapshot.build().ifPresent(build -> {
            out.append("    <snapshot>\n");
            element(out, 3, "timestamp", build.timestamp());
            element(out, 3, "buildNumber", String.valueOf(build.buildNumber()));
            out.append("    </snapshot>\n");
        });
        element(out, 2, "lastUpdated", SnapshotBuild.lastUpdated(snapshot.lastUpdated()));
        out.append("    <snapshotVersions>\n");
        for (SnapshotFile file : snapshot.files()) {
            out.append("      <snapshotVersion>\n");
            if (!file.classifier().isEmpty()) {
                element(out, 4, "classifier", file.classifier());
            }
            element(out, 4, "extension", file.extension());
            element(out, 4, "value", file.value());
            element(out, 4, "updated", SnapshotBuild.lastUpdated(file.updated()));
            out.append("      </snapshotVersion>\n");
        }
        out.append("    </snapshotVersions>\n");
        out.append("  </versioning>\n");
    }

    /**
     * Reads an uploaded {@code maven-metadata.xml}.
     *
     * @throws InvalidMetadataException if it is not well-formed, not {@code <metadata>}, lacks groupId or
     *                                  artifactId, or has a snapshot without a valid timestamp and build number
     */
    public static Uploaded read(byte[] xml) {
        if (xml.length > MAX_UPLOAD_BYTES) {
            throw new InvalidMetadataException("maven-metadata.xml is larger than " + MAX_UPLOAD_BYTES + " bytes");
        }
        Element root = parse(xml).getDocumentElement();
        if (!root.getTagName().equals("metadata")) {
            throw new InvalidMetadataException("maven-metadata.xml's root element is <" + root.getTagName()
                    + ">, not <metadata>");
        }
        if (child(root, "plugins").isPresent() && text(root, "groupId").isEmpty()
                && text(root, "artifactId").isEmpty()) {
            return new Uploaded("", "", Optional.empty(), List.of(), Optional.empty(), true);
        }
        String groupId = text(root, "groupId").orElseThrow(
                () -> new InvalidMetadataException("maven-metadata.xml has no <groupId>"));
        String artifactId = text(root, "artifactId").orElseThrow(
                () -> new InvalidMetadataException("maven-metadata.xml has no <artifactId>"));
        Optional<String> version = text(root, "version");
        List<String> versions = new ArrayList<>();
        Optional<SnapshotBuild> snapshot = Optional.empty();
        Optional<Element> versioning = child(root, "versioning");
        if (versioning.isPresent()) {
            child(versioning.get(), "versions").ifPresent(list -> {
                for (Element element : children(list, "version")) {
                    versions.add(element.getTextContent().strip());
                }
            });
            Optional<Element> snapshotElement = child(versioning.get(), "snapshot");
            if (snapshotElement.isPresent()) {
                Optional<String> timestamp = text(snapshotElement.get(), "timestamp");
                Optional<String> buildNumber = text(snapshotElement.get(), "buildNumber");
                if (timestamp.isPresent() || buildNumber.isPresent()) {
                    snapshot = Optional.of(build(timestamp.orElse(""), buildNumber.orElse("")));
                }
            }
        }
        return new Uploaded(groupId, artifactId, version, versions, snapshot, false);
    }

    private static SnapshotBuild build(String timestamp, String buildNumber) {
        Optional<SnapshotBuild> build = SnapshotBuild.parse(timestamp + "-" + buildNumber);
        return build.orElseThrow(() -> new InvalidMetadataException("maven-metadata.xml's <snapshot> needs a"
                + " <timestamp> yyyyMMdd.HHmmss and a <buildNumber> from 1 to " + SnapshotBuild.MAX_BUILD));
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no printing to stderr; errors are thrown
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new InvalidMetadataException("maven-metadata.xml is not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot set up the XML parser", e);
        }
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                out.add(element);
            }
        }
        return out;
    }

    private static void element(StringBuilder out, int depth, String name, String value) {
        out.append("  ".repeat(depth)).append('<').append(name).append('>');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        out.append("</").append(name).append(">\n");
    }
}
