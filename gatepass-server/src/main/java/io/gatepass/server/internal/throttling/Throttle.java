package io.gatepass.server.internal.throttling;

import io.gatepass.server.internal.api.CommonErrors;
import io.gatepass.core.error.ServiceException;
import io.gatepass.server.internal.api.ServiceDescriptor;
import io.gatepass.server.internal.protocol.ProtocolCodec;
import io.gatepass.server.internal.protocol.WireResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttling as AWS does it: token buckets per account and operation (and shared ones per account and service), and
 * per CodeArtifact authorization token at the repository endpoints, shaped by a profile ({@link ThrottlingSettings}).
 * Asked after authentication, so every bucket belongs to a known account or a valid token; unauthenticated requests
 * are left to the connection limits. Buckets live on this node only: with several nodes, each admits its own share.
 *
 * <p>The hot path is two map lookups on strings the request already holds and one compare-and-set; a refusal costs
 * nothing and changes nothing, so a throttled client that keeps asking does not push its own recovery back.
 */
public final class Throttle {
    /** The quota name of the per-token buckets of the repository endpoints. */
    public static final String REPOSITORY_TOKEN = "repository-token";
    /** What AWS says when it throttles. */
    public static final String MESSAGE = "Rate exceeded";
    /** Keys (accounts, tokens) a quota remembers before it forgets its full buckets. */
    private static final int MAX_KEYS = 100_000;

    /** Told of each throttled request (for metrics); called on the request's thread. */
    @FunctionalInterface
    public interface Listener {
        void throttled(String service, String operation);
    }

    private final ThrottlingSettings settings;
    private final Clock clock;
    private final Listener listener;
    private final boolean off;
    /** One table per quota name; operations that share a quota share its table. */
    private final Map<String, BucketTable> tables = new ConcurrentHashMap<>();
    /** service → operation → the tables its calls take from, narrowest first. */
    private final Map<String, Map<String, BucketTable[]>> operations = new ConcurrentHashMap<>();
    private final BucketTable repositoryTokens;

    public Throttle(ThrottlingSettings settings, Clock clock, Listener listener) {
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.off = settings.profile() == ThrottlingSettings.Profile.OFF;
        this.repositoryTokens = table(REPOSITORY_TOKEN);
    }

    /** A throttle that admits everything. */
    public static Throttle off() {
        return new Throttle(ThrottlingSettings.OFF, Clock.systemUTC(), (service, operation) -> { });
    }

    public ThrottlingSettings settings() {
        return settings;
    }

    /**
     * Admits a call of {@code service}'s {@code operation} by {@code accountId}: 0, or the nanoseconds until it
     * would be admitted (then the call must be answered with {@link #answer}, and the listener has been told).
     *
     * @param service the signing name (gamelift, codeartifact, sts, iam)
     */
    public long admitCall(String service, String operation, String accountId) {
        if (off) {
            return 0;
        }
        long now = now();
        for (BucketTable table : tables(service, operation)) {
            long wait = table.tryTake(accountId, now);
            if (wait > 0) {
                listener.throttled(service, operation);
                return wait;
            }
        }
        return 0;
    }

    /**
     * Admits a repository endpoint request made with a valid CodeArtifact authorization token: 0, or the nanoseconds
     * until it would be admitted. Asking again after a refusal changes nothing; say {@link #throttled} once answered.
     */
    public long admitRepositoryToken(String token) {
        return off ? 0 : repositoryTokens.tryTake(token, now());
    }

    /** Counts a throttled request that was not admitted through {@link #admitCall}. */
    public void throttled(String service, String operation) {
        listener.throttled(service, operation);
    }

    /** The error every protocol spells its own way: Throttling (query), ThrottlingException (JSON, CBOR). */
    public static ServiceException exception() {
        return CommonErrors.THROTTLING.exception(MESSAGE);
    }

    /**
     * The answer to a throttled call in its protocol's shape, with {@code Retry-After} where the service models it
     * (CodeArtifact's 429 {@code ThrottlingException} carries {@code retryAfterSeconds} in that header).
     */
    public static WireResponse answer(ProtocolCodec codec, ServiceDescriptor service, long waitNanos,
                                      String requestId) {
        WireResponse response = codec.error(service, exception(), requestId);
        return response.status() == 429 ? response.withHeader("Retry-After", retryAfterSeconds(waitNanos))
                : response;
    }

    /** Whole seconds to wait, rounded up, at least 1: the value of a {@code Retry-After} header. */
    public static String retryAfterSeconds(long waitNanos) {
        return Long.toString(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    private BucketTable[] tables(String service, String operation) {
        Map<String, BucketTable[]> byOperation = operations.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
        BucketTable[] found = byOperation.get(operation);
        if (found == null) {
            found = byOperation.computeIfAbsent(operation, o -> quotaNames(service, o).stream().map(this::table)
                    .toArray(BucketTable[]::new));
        }
        return found;
    }

    /** The profile's quotas for a call, plus any override naming the operation or the whole service. */
    private List<String> quotaNames(String service, String operation) {
        List<String> names = new ArrayList<>(settings.profile() == ThrottlingSettings.Profile.AWS
                ? AwsQuotas.quotasFor(service, operation) : List.of(service + ":" + operation));
        for (String extra : List.of(service + ":" + operation, service + ":*")) {
            if (settings.overrides().containsKey(extra) && !names.contains(extra)) {
                names.add(extra);
            }
        }
        return names;
    }

    private BucketTable table(String quota) {
        return tables.computeIfAbsent(quota, name -> new BucketTable(limit(name), MAX_KEYS));
    }

    private RateLimit limit(String quota) {
        RateLimit override = settings.overrides().get(quota);
        if (override != null) {
            return override;
        }
        RateLimit published = settings.profile() == ThrottlingSettings.Profile.AWS ? AwsQuotas.limit(quota) : null;
        return published != null ? published : RateLimit.GENEROUS;
    }

    private long now() {
        return clock.millis() * 1_000_000L;
    }
}
