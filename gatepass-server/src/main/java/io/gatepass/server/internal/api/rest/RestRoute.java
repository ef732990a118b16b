package io.gatepass.server.internal.api.rest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where one restJson operation lives on the wire, as its Smithy {@code @http} and binding traits say: the method, the
 * path template ({@code /v1/domain}, {@code /v1/repository/{repository}}, a greedy {@code {key+}} last), and which
 * query parameters, headers and path labels carry which input members. Members bound nowhere travel in the JSON body,
 * unless the route has a blob {@link #payload}.
 *
 * <p>Member names are the wire names, as they appear in a JSON body ({@code domainOwner} for CodeArtifact). A label
 * with no entry in {@code labelToMember} binds the member of its own name.
 *
 * <pre>{@code
 * RestRoute.of("POST", "/v1/authorization-token", "GetAuthorizationToken")
 *         .query("domain", "domain").query("domain-owner", "domainOwner").query("duration", "durationSeconds")
 * }</pre>
 *
 * @param successStatus the status of a successful response (200 unless the model's {@code @http} code says otherwise)
 * @param payloadMember the blob member the whole body is (the model's {@code payload} of a blob shape), or null when
 *                      the body is a JSON object of the unbound members
 */
public record RestRoute(String method, String pathTemplate, String operation, Map<String, String> queryToMember,
                        Map<String, String> headerToMember, Map<String, String> labelToMember, int successStatus,
                        String payloadMember) {

    public RestRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(operation, "operation");
        method = method.toUpperCase(Locale.ROOT);
        queryToMember = Map.copyOf(queryToMember);
        headerToMember = lowerCaseKeys(headerToMember);
        labelToMember = Map.copyOf(labelToMember);
        if (successStatus < 200 || successStatus > 299) {
            throw new IllegalArgumentException("success status must be 2xx: " + successStatus);
        }
        PathTemplate template = PathTemplate.parse(pathTemplate);
        for (String label : labelToMember.keySet()) {
            if (!template.labels().contains(label)) {
                throw new IllegalArgumentException("no label {" + label + "} in " + pathTemplate);
            }
        }
    }

    /** A route whose body is a JSON object. */
    public RestRoute(String method, String pathTemplate, String operation, Map<String, String> queryToMember,
                     Map<String, String> headerToMember, Map<String, String> labelToMember, int successStatus) {
        this(method, pathTemplate, operation, queryToMember, headerToMember, labelToMember, successStatus, null);
    }

    /** A route with no bound query parameters, headers or renamed labels, answering 200. */
    public static RestRoute of(String method, String pathTemplate, String operation) {
        return new RestRoute(method, pathTemplate, operation, Map.of(), Map.of(), Map.of(), 200);
    }

    /** This route with the query parameter {@code name} bound to {@code member}. */
    public RestRoute query(String name, String member) {
        return new RestRoute(method, pathTemplate, operation, with(queryToMember, name, member), headerToMember,
                labelToMember, successStatus, payloadMember);
    }

    /** This route with the header {@code name} (any case) bound to {@code member}. */
    public RestRoute header(String name, String member) {
        return new RestRoute(method, pathTemplate, operation, queryToMember,
                with(headerToMember, name.toLowerCase(Locale.ROOT), member), labelToMember, successStatus,
                payloadMember);
    }

    /** This route with the path label {@code {label}} bound to {@code member}. */
    public RestRoute label(String label, String member) {
        return new RestRoute(method, pathTemplate, operation, queryToMember, headerToMember,
                with(labelToMember, label, member), successStatus, payloadMember);
    }

    /** This route answering {@code status} on success. */
    public RestRoute status(int status) {
        return new RestRoute(method, pathTemplate, operation, queryToMember, headerToMember, labelToMember, status,
                payloadMember);
    }

    /** This route with the whole request body (any media type, possibly empty) as the blob member {@code member}. */
    public RestRoute payload(String member) {
        return new RestRoute(method, pathTemplate, operation, queryToMember, headerToMember, labelToMember,
                successStatus, Objects.requireNonNull(member));
    }

    /** The member a path label binds. */
    public String memberForLabel(String label) {
        return labelToMember.getOrDefault(label, label);
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
        return copy;
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> map) {
        Map<String, String> lower = new LinkedHashMap<>();
        map.forEach((name, member) -> lower.put(name.toLowerCase(Locale.ROOT), member));
        return Map.copyOf(lower);
    }
}
