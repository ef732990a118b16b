package io.gatepass.server.internal.protocol.rest;

import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.api.OperationTable;
import io.gatepass.server.internal.api.rest.PathTemplate;
import io.gatepass.server.internal.api.rest.RestRoute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The restJson routes of every service, registered by the service layer next to its operations:
 *
 * <pre>{@code
 * RestRoutes routes = new RestRoutes()
 *         .add(CODEARTIFACT, RestRoute.of("POST", "/v1/authorization-token", "GetAuthorizationToken")
 *                 .query("domain", "domain").query("domain-owner", "domainOwner").query("duration", "durationSeconds"));
 * }</pre>
 *
 * Filled once at start-up, before the server serves requests; read-only afterwards.
 */
public final class RestRoutes {
    private final Map<String, List<Compiled>> bySigningName = new LinkedHashMap<>();
    /**
     * Per service, the routes whose template is all literals, by method and path: looked up before the others are
     * tried in order. A literal template that matches a path is always the most specific match (it has a literal
     * wherever any other matching template has a label), so the lookup answers as the ordered scan would.
     */
    private final Map<String, Map<LiteralPath, Compiled>> literalsBySigningName = new HashMap<>();
    /** Per service, the routes with a label, most specific first. */
    private final Map<String, List<Compiled>> labelledBySigningName = new HashMap<>();
    /** Per service, the route of each operation: two look-ups on the names as given, no key built per answer. */
    private final Map<String, Map<String, RestRoute>> byOperation = new HashMap<>();
    /** The routes whose body is a blob payload, of every service: few, and looked at first for every request. */
    private final List<Compiled> blobRoutes = new ArrayList<>();
    /**
     * Each blob route's template up to its first label: a raw path without percent-escapes that starts with none of
     * them is for no blob route, which settles most requests without splitting and decoding their path.
     */
    private final List<String> blobPrefixes = new ArrayList<>();

    /** A route and its parsed template. */
    private record Compiled(RestRoute route, PathTemplate template) {
    }

    /** A method and decoded path segments: a list, so that a decoded '/' inside a segment stays inside it. */
    private record LiteralPath(String method, List<String> segments) {
    }

    /** A request matched to a route of a service. */
    record Match(String signingName, RestRoute route, Map<String, String> labels) {
    }

    /** The routes the services registered in {@code table} ({@link OperationTable#route}). */
    public static RestRoutes of(OperationTable table) {
        RestRoutes routes = new RestRoutes();
        table.restRoutes().forEach(routes::add);
        return routes;
    }

    public RestRoutes add(ServiceDescriptor service, RestRoute... routes) {
        return add(service.signingName(), Arrays.asList(routes));
    }

    /**
     * @throws IllegalStateException when a route matches the same requests as one already registered, or routes an
     *                               operation that already has a route (Smithy gives each operation one)
     */
    public RestRoutes add(String signingName, List<RestRoute> routes) {
        List<Compiled> compiled = bySigningName.computeIfAbsent(signingName, s -> new ArrayList<>());
        for (RestRoute route : routes) {
            PathTemplate template = PathTemplate.parse(route.pathTemplate());
            for (Compiled existing : compiled) {
                if (existing.route().method().equals(route.method()) && existing.template().sameShape(template)) {
                    throw new IllegalStateException("routes overlap: " + route.method() + " " + route.pathTemplate()
                            + " (" + route.operation() + ") and " + existing.route().pathTemplate()
                            + " (" + existing.route().operation() + ")");
                }
            }
            if (byOperation.computeIfAbsent(signingName, s -> new HashMap<>())
                    .putIfAbsent(route.operation(), route) != null) {
                throw new IllegalStateException("operation routed twice: " + signingName + "." + route.operation());
            }
            compiled.add(new Compiled(route, template));
            if (route.payloadMember() != null) {
                blobRoutes.add(compiled.get(compiled.size() - 1));
                int label = route.pathTemplate().indexOf('{');
                blobPrefixes.add(label < 0 ? route.pathTemplate() : route.pathTemplate().substring(0, label));
            }
        }
        compiled.sort(Comparator.comparing(Compiled::template, PathTemplate::compareSpecificity));
        Map<LiteralPath, Compiled> literals = new HashMap<>();
        List<Compiled> labelled = new ArrayList<>();
        for (Compiled route : compiled) {
            if (route.template().isLiteral()) {
                literals.put(new LiteralPath(route.route().method(), route.template().segments().stream()
                        .map(PathTemplate.Segment::value).toList()), route);
            } else {
                labelled.add(route);
            }
        }
        literalsBySigningName.put(signingName, literals);
        labelledBySigningName.put(signingName, labelled);
        return this;
    }

    /** The route of an operation. */
    public Optional<RestRoute> route(String signingName, String operation) {
        Map<String, RestRoute> routes = byOperation.get(signingName);
        return Optional.ofNullable(routes == null ? null : routes.get(operation));
    }

    /** Every route of a service, in registration order of its operations. */
    public List<RestRoute> routes(String signingName) {
        return bySigningName.getOrDefault(signingName, List.of()).stream().map(Compiled::route).toList();
    }

    /**
     * The most specific route for a method and decoded path segments: among the routes of {@code scopeService} when
     * it has any, else among all services' routes in registration order.
     */
    Optional<Match> match(String scopeService, String method, List<String> path) {
        if (scopeService != null && bySigningName.containsKey(scopeService)) {
            return matchService(scopeService, method, path);
        }
        for (String service : bySigningName.keySet()) {
            Optional<Match> match = matchService(service, method, path);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether some service's route for this method and raw path takes the whole body as a blob payload, which the
     * front door then streams to disk instead of reading into memory.
     */
    public boolean hasBlobPayload(String method, String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') < 0 && !startsLikeABlobRoute(rawPath)) {
            return false;
        }
        try {
            List<String> path = RestJsonCodec.segments(rawPath);
            // Most requests match no blob route at all, which settles it without matching every route; when one
            // does, a more specific route without a blob may still be the request's route.
            return match(null, blobRoutes, method, path).isPresent()
                    && match(null, method, path).map(m -> m.route().payloadMember() != null).orElse(false);
        } catch (RuntimeException malformedPath) {
            return false; // the bounded-body path reports it
        }
    }

    private boolean startsLikeABlobRoute(String rawPath) {
        for (String prefix : blobPrefixes) {
            if (rawPath.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The most specific route of one service: an all-literal route by lookup, else the first labelled one. */
    private Optional<Match> matchService(String signingName, String method, List<String> path) {
        Compiled literal = literalsBySigningName.get(signingName).get(new LiteralPath(method, path));
        if (literal != null) {
            return Optional.of(new Match(signingName, literal.route(), Map.of()));
        }
        return match(signingName, labelledBySigningName.get(signingName), method, path);
    }

    private static Optional<Match> match(String signingName, List<Compiled> routes, String method, List<String> path) {
        for (Compiled compiled : routes) {
            if (!compiled.route().method().equals(method)) {
                continue;
            }
            Map<String, String> labels = compiled.template().match(path);
            if (labels != null) {
                return Optional.of(new Match(signingName, compiled.route(), labels));
            }
        }
        return Optional.empty();
    }
}
