package io.gatepass.cli.internal.aws.login;

import io.gatepass.cli.internal.aws.login.XmlEditor.Node;
import io.gatepass.cli.internal.aws.login.XmlOutline.Element;

/**
 * Maven's ~/.m2/settings.xml with a repository login in it: a {@code <server>} with the id, username "aws" and the
 * token as password; a {@code <profile>} of that id whose repository and plugin repository (same id) point at the
 * endpoint; and that profile in {@code <activeProfiles>}. Existing entries with the id are updated, not repeated;
 * everything else in the file is kept as it is.
 */
final class MavenSettings {

    static final String NEW_FILE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"
                      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.2.0 \
            https://maven.apache.org/xsd/settings-1.2.0.xsd">
            </settings>
            """;

    private MavenSettings() {
    }

    /**
     * @param existing the file's text, or null to start from an empty settings file
     * @throws IllegalArgumentException when the existing text is not well-formed or not Maven settings
     */
    static String withLogin(String existing, String id, String token, String url) {
        String source = existing == null ? NEW_FILE : existing;
        String problem = XmlCheck.problem(source);
        if (problem != null) {
            throw new IllegalArgumentException("it is not well-formed XML (" + problem + ")");
        }
        Element settings = XmlOutline.parse(source);
        if (!settings.localName().equals("settings")) {
            throw new IllegalArgumentException("its root element is <" + settings.name + ">, not <settings>");
        }
        XmlEditor editor = new XmlEditor(source, settings);
        server(source, settings, editor, id, token);
        profile(source, settings, editor, id, url);
        settings.child("activeProfiles").ifPresentOrElse(
                active -> active.childWithText(source, "activeProfile", id).ifPresentOrElse(present -> { },
                        () -> editor.add(active, Node.leaf("activeProfile", id))),
                () -> editor.add(settings, Node.of("activeProfiles", Node.leaf("activeProfile", id))));
        return editor.result();
    }

    private static void server(String source, Element settings, XmlEditor editor, String id, String token) {
        Node server = Node.of("server", Node.leaf("id", id), Node.leaf("username", "aws"),
                Node.leaf("password", token));
        settings.child("servers").ifPresentOrElse(
                servers -> servers.childWithId(source, "server", id).ifPresentOrElse(existing -> {
                    editor.setChildText(existing, "username", "aws");
                    editor.setChildText(existing, "password", token);
                }, () -> editor.add(servers, server)),
                () -> editor.add(settings, Node.of("servers", server)));
    }

    private static void profile(String source, Element settings, XmlEditor editor, String id, String url) {
        Node repositories = repositories("repositories", "repository", id, url);
        Node pluginRepositories = repositories("pluginRepositories", "pluginRepository", id, url);
        Node profile = Node.of("profile", Node.leaf("id", id), repositories, pluginRepositories);
        settings.child("profiles").ifPresentOrElse(
                profiles -> profiles.childWithId(source, "profile", id).ifPresentOrElse(existing -> {
                    repository(source, existing, editor, repositories, id, url);
                    repository(source, existing, editor, pluginRepositories, id, url);
                }, () -> editor.add(profiles, profile)),
                () -> editor.add(settings, Node.of("profiles", profile)));
    }

    /** Points the profile's repository of that id at the url, adding what is missing. */
    private static void repository(String source, Element profile, XmlEditor editor, Node list, String id,
                                   String url) {
        String itemName = list.children().get(0).name();
        profile.child(list.name()).ifPresentOrElse(
                existing -> existing.childWithId(source, itemName, id).ifPresentOrElse(
                        repository -> editor.setChildText(repository, "url", url),
                        () -> editor.add(existing, list.children().get(0))),
                () -> editor.add(profile, list));
    }

    private static Node repositories(String listName, String itemName, String id, String url) {
        return Node.of(listName, Node.of(itemName, Node.leaf("id", id), Node.leaf("url", url)));
    }
}
