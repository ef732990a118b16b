package io.gatepass.server.internal.endpoints.packages.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the Maven format keeps in a version's metadata (JSON text in the package store):
 * {@code {"completedBuild":3,"updated":"2026-12-06T10:15:03Z"}}.
 *
 * @param completedBuild the newest snapshot build whose upload finished (its maven-metadata.xml arrived); 0 for
 *                       releases and for snapshots not complete yet
 * @param updated        when the version was last completed (a release published, a snapshot build finished);
 *                       {@code lastUpdated} in maven-metadata.xml; null while never completed
 */
record MavenVersionState(int completedBuild, Instant updated) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final MavenVersionState NEW = new MavenVersionState(0, null);

    /** Reads the stored text; anything unreadable (or null) is a version never completed. */
    static MavenVersionState parse(String text) {
        if (text == null || text.isBlank()) {
            return NEW;
        }
        try {
            JsonNode node = JSON.readTree(text);
            Instant updated = node.hasNonNull("updated") ? Instant.parse(node.get("updated").asText()) : null;
            return new MavenVersionState(Math.max(0, node.path("completedBuild").asInt(0)), updated);
        } catch (JsonProcessingException | DateTimeParseException e) {
            return NEW;
        }
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode().put("completedBuild", completedBuild);
        if (updated != null) {
            node.put("updated", updated.toString());
        }
        return node.toString();
    }

    /** Completed again at {@code time}, with {@code build} as the newest complete build if it is newer. */
    MavenVersionState completed(int build, Instant time) {
        return new MavenVersionState(Math.max(completedBuild, build), time);
    }
}
