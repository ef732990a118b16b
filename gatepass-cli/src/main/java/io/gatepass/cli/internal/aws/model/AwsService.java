package io.gatepass.cli.internal.aws.model;

import software.amazon.awssdk.protocols.json.AwsJsonProtocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of the services the command line speaks, named as aws names it, with the SDK client interface it calls. Its
 * operations come from the generated model facts (names, required members, pagination, streamed members); their
 * shapes from the SDK's request classes, loaded only for the one operation asked.
 */
public enum AwsService {
    CODEARTIFACT("codeartifact", "codeartifact", "CodeartifactClient", "codeartifact"),
    GAMELIFT("gamelift", "gamelift", "GameLiftClient", "GameLift"),
    IAM("iam", "iam", "IamClient", "IAM"),
    STS("sts", "sts", "StsClient", "STS");

    private static final Map<AwsService, Properties> FACTS = new ConcurrentHashMap<>();

    private final String cliName;
    private final String sdkPackage;
    private final String clientInterface;
    private final String serviceId;

    AwsService(String cliName, String sdkPackage, String clientInterface, String serviceId) {
        this.cliName = cliName;
        this.sdkPackage = "software.amazon.awssdk.services." + sdkPackage;
        this.clientInterface = clientInterface;
        this.serviceId = serviceId;
    }

    /**
     * Whether the service's wire timestamps are epoch seconds (JSON protocols), which aws prints in the local zone;
     * the query protocols' ISO timestamps are printed in UTC.
     */
    public boolean epochTimestamps() {
        return jsonProtocol().isPresent();
    }

    /**
     * The JSON protocol the service speaks (CodeArtifact restJson1, GameLift awsJson1_1), which its calls without an
     * SDK client marshal; empty for the query protocols (IAM, STS).
     */
    public Optional<AwsJsonProtocol> jsonProtocol() {
        return switch (this) {
            case CODEARTIFACT -> Optional.of(AwsJsonProtocol.REST_JSON);
            case GAMELIFT -> Optional.of(AwsJsonProtocol.AWS_JSON);
            case IAM, STS -> Optional.empty();
        };
    }

    /** The command name, also the service id in AWS_ENDPOINT_URL_* and config: "gamelift". */
    public String cliName() {
        return cliName;
    }

    /**
     * The service as the SDK client names it in its User-Agent: the model's service id and the generated client's
     * version ({@code api/GameLift#2.40.x}); the version is read from the SDK's service module.
     */
    public String apiMetadata() {
        try {
            return serviceId + "#" + Class.forName(sdkPackage + ".internal.ServiceVersionInfo", true,
                    AwsService.class.getClassLoader()).getField("VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no SDK version of " + serviceId, e);
        }
    }

    public String modelPackage() {
        return sdkPackage + ".model";
    }

    /** The SDK client interface, e.g. software.amazon.awssdk.services.gamelift.GameLiftClient. */
    public Class<?> clientClass() {
        return ModelReflection.load(sdkPackage + "." + clientInterface);
    }

    public static Optional<AwsService> byCliName(String name) {
        for (AwsService service : values()) {
            if (service.cliName.equals(name)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    /** All command names in aws's order (sorted). */
    public static List<String> cliNames() {
        List<String> names = new ArrayList<>();
        for (AwsService service : values()) {
            names.add(service.cliName);
        }
        return names;
    }

    /** The operations' model names, keyed and sorted by their CLI names. */
    public TreeMap<String, String> operations() {
        TreeMap<String, String> names = new TreeMap<>();
        for (String key : facts().stringPropertyNames()) {
            if (key.startsWith("op.")) {
                names.put(key.substring(3), facts().getProperty(key));
            }
        }
        return names;
    }

    /** The operation with this CLI name, e.g. "get-compute-auth-token". */
    public Optional<OperationModel> operation(String cliOperation) {
        String name = facts().getProperty("op." + cliOperation);
        return name == null ? Optional.empty() : Optional.of(OperationModel.load(this, name, cliOperation));
    }

    /** Whether the operation with this CLI name has a streaming output (aws's {@code <outfile>}). */
    public boolean streamsOutput(String cliOperation) {
        String name = facts().getProperty("op." + cliOperation);
        return name != null && streamingOutput(name);
    }

    /** Required members of the operation's input, in model order. */
    Set<String> requiredInput(String operation) {
        return csv(facts().getProperty("required." + operation, ""));
    }

    /** Required members of a nested structure, by the SDK class's simple name. */
    Set<String> requiredMembers(String structureClassName) {
        return csv(facts().getProperty("shape." + structureClassName.toLowerCase(java.util.Locale.ROOT), ""));
    }

    /**
     * A minimum botocore's parameter validation checks, by its facts key: "input-min.Operation.member" for an
     * operation's input, "min.structure.member" for a nested structure (lower-case SDK class name), with "[]",
     * "{key}" and "{value}" appended for list elements, map keys and map values.
     */
    Optional<String> minimum(String key) {
        return Optional.ofNullable(facts().getProperty(key));
    }

    /** The input member that streams a file to the service, if the operation has one. */
    Optional<StreamingInput> streamingInput(String operation) {
        String spec = facts().getProperty("streaming-input." + operation);
        if (spec == null) {
            return Optional.empty();
        }
        String[] parts = spec.split(",", -1);
        return Optional.of(new StreamingInput(parts[0], parts[1].isEmpty() ? null : parts[1],
                requiredInput(operation).contains(parts[0])));
    }

    /** Whether the operation's response body is a file (aws's {@code <outfile>} argument). */
    boolean streamingOutput(String operation) {
        return facts().getProperty("streaming-output." + operation) != null;
    }

    Optional<Pagination> pagination(String operation) {
        String spec = facts().getProperty("page." + operation);
        if (spec == null) {
            return Optional.empty();
        }
        String[] parts = spec.split("\\|", -1);
        return Optional.of(new Pagination(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2],
                List.copyOf(csv(parts[3]))));
    }

    private Properties facts() {
        return FACTS.computeIfAbsent(this, service -> {
            Properties properties = new Properties();
            String resource = service.cliName + ".properties";
            try (InputStream in = AwsService.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing model facts " + resource);
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        });
    }

    private static Set<String> csv(String value) {
        return value.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }
}
