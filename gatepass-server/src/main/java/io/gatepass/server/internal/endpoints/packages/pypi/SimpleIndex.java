package io.gatepass.server.internal.endpoints.packages.pypi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Renders simple pages: the project list and a project's files, in PEP 503 HTML (also served as the PEP 691 HTML
 * type) or PEP 691 JSON with the PEP 700 additions ({@code versions}, {@code size}, {@code upload-time}), both
 * declaring API version 1.1. File links are relative to the project page and carry {@code #sha256=}.
 */
public final class SimpleIndex {
    public static final String API_VERSION = "1.1";
    private static final JsonFactory JSON = new JsonFactory();
    /** PEP 700's format: {@code %Y-%m-%dT%H:%M:%S.%fZ}. */
    private static final DateTimeFormatter UPLOAD_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private SimpleIndex() {
    }

    /** {@code simple/}: one entry per project name (shown as given, linked under its normalized name). */
    public static byte[] projectList(List<String> projectNames, SimpleFormat format) {
        return format.isJson() ? projectListJson(projectNames) : projectListHtml(projectNames);
    }

    /** {@code simple/<project>/}. */
    public static byte[] projectPage(SimpleProject project, SimpleFormat format) {
        return format.isJson() ? projectPageJson(project) : projectPageHtml(project);
    }

    private static byte[] projectListHtml(List<String> names) {
        StringBuilder html = head("Simple index");
        for (String name : names) {
            html.append("    <a href=\"").append(Html.escape(PathSegments.encode(ProjectNames.normalize(name))))
                    .append("/\">").append(Html.escape(name)).append("</a><br/>\n");
        }
        return tail(html);
    }

    private static byte[] projectPageHtml(SimpleProject project) {
        StringBuilder html = head("Links for " + project.name());
        html.append("    <h1>Links for ").append(Html.escape(project.name())).append("</h1>\n");
        for (SimpleFile file : project.files()) {
            html.append("    <a href=\"").append(Html.escape(file.relativeUrl() + "#sha256=" + file.sha256()))
                    .append('"');
            if (file.requiresPython() != null && !file.requiresPython().isBlank()) {
                html.append(" data-requires-python=\"").append(Html.escape(file.requiresPython())).append('"');
            }
            if (file.yanked()) {
                html.append(" data-yanked=\"").append(Html.escape(file.yankedReason())).append('"');
            }
            if (file.coreMetadataSha256() != null) {
                // PEP 714's name only: the older dist-info-metadata trips pip 22.3-23.0 (a dict where it wanted a str)
                html.append(" data-core-metadata=\"").append(Html.escape("sha256=" + file.coreMetadataSha256()))
                        .append('"');
            }
            html.append('>').append(Html.escape(file.filename())).append("</a><br/>\n");
        }
        return tail(html);
    }

    private static StringBuilder head(String title) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<!DOCTYPE html>\n<html>\n  <head>\n")
                .append("    <meta name=\"pypi:repository-version\" content=\"").append(API_VERSION).append("\">\n")
                .append("    <title>").append(Html.escape(title)).append("</title>\n  </head>\n  <body>\n");
        return html;
    }

    private static byte[] tail(StringBuilder html) {
        html.append("  </body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] projectListJson(List<String> names) {
        return json(out -> {
            out.writeArrayFieldStart("projects");
            for (String name : names) {
                out.writeStartObject();
                out.writeStringField("name", name);
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    private static byte[] projectPageJson(SimpleProject project) {
        return json(out -> {
            out.writeStringField("name", project.name());
            out.writeArrayFieldStart("versions");
            for (String version : project.versions()) {
                out.writeString(version);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("files");
            for (SimpleFile file : project.files()) {
                writeFile(out, file);
            }
            out.writeEndArray();
        });
    }

    private static void writeFile(JsonGenerator out, SimpleFile file) throws IOException {
        out.writeStartObject();
        out.writeStringField("filename", file.filename());
        out.writeStringField("url", file.relativeUrl());
        out.writeObjectFieldStart("hashes");
        out.writeStringField("sha256", file.sha256());
        out.writeEndObject();
        if (file.requiresPython() != null && !file.requiresPython().isBlank()) {
            out.writeStringField("requires-python", file.requiresPython());
        }
        if (file.coreMetadataSha256() != null) {
            out.writeObjectFieldStart("core-metadata");
            out.writeStringField("sha256", file.coreMetadataSha256());
            out.writeEndObject();
        }
        out.writeNumberField("size", file.size());
        out.writeStringField("upload-time", UPLOAD_TIME.format(file.uploadTime()));
        if (file.yanked() && !file.yankedReason().isEmpty()) {
            out.writeStringField("yanked", file.yankedReason());
        } else {
            out.writeBooleanField("yanked", file.yanked());
        }
        out.writeEndObject();
    }

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private static byte[] json(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeObjectFieldStart("meta");
            out.writeStringField("api-version", API_VERSION);
            out.writeEndObject();
            body.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
