package io.gatepass.cli.aws.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first sentence of each operation's and input member's documentation, as aws shows it in help and in the
 * yaml-input skeleton; generated from botocore (src/build/generate-model-docs.py) and read only when needed.
 */
public final class ModelDocs {

    private static final Map<AwsService, Properties> DOCS = new ConcurrentHashMap<>();

    private ModelDocs() {
    }

    /** The operation's overview, e.g. "Requests an authentication token ...", or "". */
    public static String operation(AwsService service, String operation) {
        return docs(service).getProperty("op." + operation, "");
    }

    /** A member's overview, by the SDK structure's class name (the request class for an operation's input). */
    public static String member(AwsService service, String structure, String member) {
        return docs(service).getProperty("doc." + structure.toLowerCase(Locale.ROOT) + "." + member, "");
    }

    private static Properties docs(AwsService service) {
        return DOCS.computeIfAbsent(service, s -> {
            Properties properties = new Properties();
            try (InputStream in = ModelDocs.class.getResourceAsStream(s.cliName() + "-docs.properties")) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        });
    }
}
