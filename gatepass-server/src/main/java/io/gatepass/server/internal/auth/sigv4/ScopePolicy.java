package io.gatepass.server.internal.auth.sigv4;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which credential scopes this server accepts: the services it answers for, and for each the regions a client may
 * sign with. Every service accepts the server's own region; some may accept more, because the AWS SDKs sign global
 * services such as IAM with {@code us-east-1} whatever region the client is configured for. Immutable.
 */
public final class ScopePolicy {
    /** The region AWS SDKs use to sign requests for the global services IAM and STS. */
    public static final String GLOBAL_SIGNING_REGION = "us-east-1";

    private final String region;
    private final Set<String> services;
    private final Map<String, Set<String>> regionsByService;

    private ScopePolicy(String region, Set<String> services, Map<String, Set<String>> regionsByService) {
        this.region = region;
        this.services = services;
        this.regionsByService = regionsByService;
    }

    /** Accept the given services, each signed for the server's region only. */
    public static ScopePolicy of(String region, Collection<String> services) {
        Objects.requireNonNull(region, "region");
        if (services.isEmpty()) {
            throw new IllegalArgumentException("at least one service");
        }
        Map<String, Set<String>> regions = new TreeMap<>();
        for (String service : services) {
            regions.put(service, Set.of(region));
        }
        return new ScopePolicy(region, Set.copyOf(new TreeSet<>(services)), Map.copyOf(regions));
    }

    /**
     * Accept the given services signed for the server's region, and {@code iam} and {@code sts} (where listed) also
     * signed for {@value #GLOBAL_SIGNING_REGION}, as the AWS CLI and SDKs sign them by default.
     */
    public static ScopePolicy awsCompatible(String region, Collection<String> services) {
        ScopePolicy policy = of(region, services);
        for (String global : new String[] {"iam", "sts"}) {
            if (services.contains(global)) {
                policy = policy.alsoAccept(global, GLOBAL_SIGNING_REGION);
            }
        }
        return policy;
    }

    /** A copy that also accepts {@code service} (which must be one of the services) signed for {@code otherRegion}. */
    public ScopePolicy alsoAccept(String service, String otherRegion) {
        if (!services.contains(service)) {
            throw new IllegalArgumentException("not one of this policy's services: " + service);
        }
        Map<String, Set<String>> regions = new TreeMap<>(regionsByService);
        Set<String> forService = new LinkedHashSet<>();
        forService.add(region);
        forService.addAll(regionsByService.get(service));
        forService.add(Objects.requireNonNull(otherRegion, "otherRegion"));
        regions.put(service, java.util.Collections.unmodifiableSet(forService));
        return new ScopePolicy(region, services, Map.copyOf(regions));
    }

    /** The server's own region. */
    public String region() {
        return region;
    }

    /** The services accepted, in alphabetical order. */
    public Set<String> services() {
        return new TreeSet<>(services);
    }

    public boolean acceptsService(String service) {
        return services.contains(service);
    }

    /** The regions {@code service} may be signed for, the server's own first; just that one for unknown services. */
    public Set<String> regionsFor(String service) {
        Set<String> regions = regionsByService.get(service);
        return regions == null ? Set.of(region) : regions;
    }

    public boolean acceptsRegion(String service, String signedRegion) {
        return regionsFor(service).contains(signedRegion);
    }

    @Override
    public String toString() {
        return "ScopePolicy[region=" + region + ", regionsByService=" + regionsByService + "]";
    }
}
