package io.gatepass.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gatepass.core.policy.ConditionOperator.Parsed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns policy JSON into a {@link PolicyDocument}, or refuses it with IAM's wording. Two passes, as IAM does: first the
 * shape of the whole document ("Syntax errors in policy."), then the rules of each statement in order.
 */
final class PolicyParser {
    static final String SYNTAX_ERRORS = "Syntax errors in policy.";
    static final String SHOULD_NOT_SPECIFY_PRINCIPAL = "Policy document should not specify a principal.";
    static final String MISSING_PRINCIPAL = "Missing required field Principal";
    static final String MISSING_EFFECT = "Missing required field Effect";
    static final String MUST_CONTAIN_ACTIONS = "Policy statement must contain actions.";
    static final String MUST_CONTAIN_RESOURCES = "Policy statement must contain resources.";
    static final String VENDOR_PREFIX = "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.";
    static final String ONE_COLON = "Actions/Condition can contain only one colon.";
    static final String RESOURCE_VENDOR = "Resource vendor must be fully qualified and cannot contain regexes.";
    static final String LEGACY_PARSING = "The policy failed legacy parsing";
    static final String SID_UNIQUE = "Statement IDs (SID) in a single policy must be unique.";
    static final String SID_ALPHANUMERIC = "Statement IDs (SID) must be alpha-numeric. "
            + "Check that your input satisfies the regular expression [0-9A-Za-z]*";

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("Version", "Id", "Statement");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> STATEMENT_FIELDS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of(PrincipalSet.AWS, PrincipalSet.SERVICE,
            PrincipalSet.FEDERATED, PrincipalSet.CANONICAL_USER);
    private static final Pattern SID = Pattern.compile("[0-9A-Za-z]*");
    private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9.-]+");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private PolicyParser() {
    }

    static PolicyDocument parse(String json, PolicyKind kind) {
        Objects.requireNonNull(kind, "kind");
        JsonNode root = read(json);
        checkDocumentShape(root);
        List<Statement> statements = new ArrayList<>();
        for (JsonNode node : statementNodes(root)) {
            statements.add(readStatement(node, kind));
        }
        Set<String> sids = new HashSet<>();
        for (Statement statement : statements) {
            if (statement.sid() != null && !statement.sid().isEmpty() && !sids.add(statement.sid())) {
                throw malformed(SID_UNIQUE);
            }
        }
        JsonNode version = root.get("Version");
        return new PolicyDocument(version == null ? null : version.textValue(), statements);
    }

    private static JsonNode read(String json) {
        if (json == null) {
            throw malformed(SYNTAX_ERRORS);
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw malformed(SYNTAX_ERRORS);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(SYNTAX_ERRORS);
        }
    }

    // ---- pass 1: the shape of the document ----

    private static void checkDocumentShape(JsonNode root) {
        require(TOP_LEVEL_FIELDS.containsAll(fieldNames(root)));
        JsonNode version = root.get("Version");
        require(version == null || (version.isTextual() && VERSIONS.contains(version.textValue())));
        JsonNode id = root.get("Id");
        require(id == null || id.isTextual());
        JsonNode statement = root.get("Statement");
        require(statement != null && (statement.isObject() || (statement.isArray() && !statement.isEmpty())));
        for (JsonNode node : statementNodes(root)) {
            checkStatementShape(node);
        }
    }

    private static void checkStatementShape(JsonNode statement) {
        require(statement.isObject());
        require(STATEMENT_FIELDS.containsAll(fieldNames(statement)));
        require(!(statement.has("Action") && statement.has("NotAction")));
        require(!(statement.has("Resource") && statement.has("NotResource")));
        require(!(statement.has("Principal") && statement.has("NotPrincipal")));
        for (String field : List.of("Sid", "Effect")) {
            require(!statement.has(field) || statement.get(field).isTextual());
        }
        for (String field : List.of("Action", "NotAction", "Resource", "NotResource")) {
            require(!statement.has(field) || isStringOrStrings(statement.get(field)));
        }
        for (String field : List.of("Principal", "NotPrincipal")) {
            if (statement.has(field)) {
                checkPrincipalShape(statement.get(field));
            }
        }
        if (statement.has("Condition")) {
            checkConditionShape(statement.get("Condition"));
        }
    }

    private static void checkPrincipalShape(JsonNode principal) {
        if (principal.isTextual()) {
            require("*".equals(principal.textValue()));
            return;
        }
        require(principal.isObject() && !principal.isEmpty());
        principal.properties().forEach(e -> require(isStringOrStrings(e.getValue())));
    }

    private static void checkConditionShape(JsonNode condition) {
        require(condition.isObject());
        condition.properties().forEach(operator -> {
            require(ConditionOperator.parse(operator.getKey()).isPresent());
            require(operator.getValue().isObject());
            operator.getValue().properties().forEach(key -> {
                JsonNode values = key.getValue();
                if (values.isArray()) {
                    values.forEach(v -> require(isScalar(v)));
                } else {
                    require(isScalar(values));
                }
            });
        });
    }

    // ---- pass 2: the rules of each statement ----

    private static Statement readStatement(JsonNode node, PolicyKind kind) {
        Effect effect = readEffect(node.get("Effect"));

        boolean namesPrincipal = node.has("Principal") || node.has("NotPrincipal");
        if (kind == PolicyKind.IDENTITY && namesPrincipal) {
            throw malformed(SHOULD_NOT_SPECIFY_PRINCIPAL);
        }
        if (kind == PolicyKind.RESOURCE && !namesPrincipal) {
            throw malformed(MISSING_PRINCIPAL);
        }
        PrincipalSet principal = readPrincipal(node.get("Principal"));
        PrincipalSet notPrincipal = readPrincipal(node.get("NotPrincipal"));

        String sid = node.has("Sid") ? node.get("Sid").textValue() : null;
        if (kind == PolicyKind.IDENTITY && sid != null && !SID.matcher(sid).matches()) {
            throw malformed(SID_ALPHANUMERIC);
        }

        List<String> actions = strings(node.get("Action"));
        List<String> notActions = strings(node.get("NotAction"));
        if (actions.isEmpty() && notActions.isEmpty()) {
            throw malformed(MUST_CONTAIN_ACTIONS);
        }
        actions.forEach(PolicyParser::checkAction);
        notActions.forEach(PolicyParser::checkAction);

        List<String> resources = strings(node.get("Resource"));
        List<String> notResources = strings(node.get("NotResource"));
        boolean resourceListed = node.has("Resource") || node.has("NotResource");
        if ((resourceListed || kind == PolicyKind.IDENTITY) && resources.isEmpty() && notResources.isEmpty()) {
            throw malformed(MUST_CONTAIN_RESOURCES);
        }
        resources.forEach(PolicyParser::checkResource);
        notResources.forEach(PolicyParser::checkResource);

        List<Condition> conditions = readConditions(node.get("Condition"));
        return new Statement(sid, effect, principal, notPrincipal, actions, notActions, resources, notResources,
                conditions);
    }

    private static Effect readEffect(JsonNode node) {
        if (node == null) {
            throw malformed(MISSING_EFFECT);
        }
        for (Effect effect : Effect.values()) {
            if (effect.wireName().equals(node.textValue())) {
                return effect;
            }
        }
        throw malformed("Invalid effect: " + node.textValue());
    }

    private static PrincipalSet readPrincipal(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return new PrincipalSet(Map.of(PrincipalSet.AWS, List.of("*")));
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String type = field.getKey();
            List<String> list = strings(field.getValue());
            if (!PRINCIPAL_TYPES.contains(type) || list.isEmpty()) {
                throw invalidPrincipal(type, list.isEmpty() ? "" : list.get(0));
            }
            for (String value : list) {
                if (!validPrincipalValue(type, value)) {
                    throw invalidPrincipal(type, value);
                }
            }
            values.put(type, list);
        }
        return new PrincipalSet(values);
    }

    private static boolean validPrincipalValue(String type, String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (PrincipalSet.AWS.equals(type) && "*".equals(value)) {
            return true;
        }
        if (Glob.hasWildcard(value)) {
            return false;
        }
        if (!PrincipalSet.AWS.equals(type)) {
            return true;
        }
        if (PrincipalMatcher.isAccountId(value)) {
            return true;
        }
        String[] arn = PrincipalMatcher.splitArn(value);
        return arn != null && !arn[1].isEmpty() && ("iam".equals(arn[2]) || "sts".equals(arn[2]))
                && PrincipalMatcher.isAccountId(arn[4]) && !arn[5].isEmpty();
    }

    private static void checkAction(String action) {
        if ("*".equals(action)) {
            return;
        }
        int colon = action.indexOf(':');
        if (colon <= 0) {
            throw malformed(VENDOR_PREFIX);
        }
        if (action.indexOf(':', colon + 1) >= 0) {
            throw malformed(ONE_COLON);
        }
        String vendor = action.substring(0, colon);
        if (!"*".equals(vendor) && !VENDOR.matcher(vendor).matches()) {
            throw malformed("Vendor " + vendor + " is not valid");
        }
    }

    private static void checkResource(String resource) {
        if ("*".equals(resource)) {
            return;
        }
        String[] parts = resource.split(":", 6);
        if (parts.length < 6 || !"arn".equals(parts[0])) {
            throw malformed("Resource " + resource + " must be in ARN format or \"*\".");
        }
        if (parts[2].isEmpty() || Glob.hasWildcard(parts[2])) {
            throw malformed(RESOURCE_VENDOR);
        }
    }

    private static List<Condition> readConditions(JsonNode node) {
        List<Condition> conditions = new ArrayList<>();
        if (node == null) {
            return conditions;
        }
        node.properties().forEach(operator -> {
            Parsed parsed = ConditionOperator.parse(operator.getKey()).orElseThrow();
            operator.getValue().properties().forEach(key -> {
                int colon = key.getKey().indexOf(':');
                if (colon <= 0) {
                    throw malformed(VENDOR_PREFIX);
                }
                List<String> values = scalars(key.getValue());
                if (parsed.base().isDate() && values.stream().anyMatch(v -> ConditionOperator.parseDate(v) == null)) {
                    throw malformed(LEGACY_PARSING);
                }
                conditions.add(new Condition(operator.getKey(), key.getKey(), values));
            });
        });
        return conditions;
    }

    // ---- helpers ----

    private static List<JsonNode> statementNodes(JsonNode root) {
        JsonNode statement = root.get("Statement");
        List<JsonNode> nodes = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(nodes::add);
        } else {
            nodes.add(statement);
        }
        return nodes;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isStringOrStrings(JsonNode node) {
        if (node.isTextual()) {
            return true;
        }
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isScalar(JsonNode node) {
        return node.isTextual() || node.isNumber() || node.isBoolean();
    }

    /** A string or an array of strings as a list; absent is empty. Shape already checked. */
    private static List<String> strings(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node == null) {
            return list;
        }
        if (node.isTextual()) {
            list.add(node.textValue());
        } else {
            node.forEach(element -> list.add(element.textValue()));
        }
        return list;
    }

    /** Condition values as text: strings as they are, numbers in plain notation, booleans as true/false. */
    private static List<String> scalars(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> list.add(scalarText(element)));
        } else {
            list.add(scalarText(node));
        }
        return list;
    }

    private static String scalarText(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        return node.asText();
    }

    private static void require(boolean condition) {
        if (!condition) {
            throw malformed(SYNTAX_ERRORS);
        }
    }

    private static MalformedPolicyException invalidPrincipal(String type, String value) {
        return malformed("Invalid principal in policy: \"" + type + "\":\"" + value + "\"");
    }

    private static MalformedPolicyException malformed(String message) {
        return new MalformedPolicyException(message);
    }
}
