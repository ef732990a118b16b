package io.gatepass.cli.internal.aws.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gatepass.cli.internal.aws.CliException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * --cli-input-json and --cli-input-yaml: a document (or file:// / fileb:// reference) holding all parameters; values
 * given as options win over the document's.
 */
public final class CliInput {

    private CliInput() {
    }

    /** Adds the document's parameters that the command line did not give; returns the merged parameters. */
    public static ObjectNode merge(ObjectNode commandLine, String json, String yaml, ParamFile files) {
        if (json == null && yaml == null) {
            return commandLine;
        }
        if (json != null && yaml != null) {
            throw CliException.invalidParameter("Only one --cli-input- parameter may be specified.");
        }
        String option = json != null ? "--cli-input-json" : "--cli-input-yaml";
        String text = json != null ? json : yaml;
        try {
            Object loaded = files.load(text);
            if (loaded instanceof byte[] bytes) {
                text = new String(bytes, StandardCharsets.UTF_8);
            } else if (loaded != null) {
                text = (String) loaded;
            }
        } catch (ParamFile.ParamFileException e) {
            throw CliException.invalidParameter("Error parsing parameter '" + option + "': " + e.getMessage());
        }
        JsonNode document;
        try {
            ObjectMapper mapper = json != null ? ArgumentValues.json() : new ObjectMapper(new YAMLFactory());
            document = mapper.readTree(text);
        } catch (IOException e) {
            throw CliException.invalidParameter("Error parsing parameter '" + option + "': Invalid "
                    + (json != null ? "JSON" : "YAML") + " received.");
        }
        if (document == null || !document.isObject()) {
            throw CliException.invalidParameter("Error parsing parameter '" + option
                    + "': Invalid type: expecting map, received " + pythonType(document));
        }
        ObjectNode merged = commandLine.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = document.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (!merged.has(entry.getKey())) {
                merged.set(entry.getKey(), entry.getValue());
            }
        }
        return merged;
    }

    private static String pythonType(JsonNode node) {
        return PyRepr.type(node);
    }
}
