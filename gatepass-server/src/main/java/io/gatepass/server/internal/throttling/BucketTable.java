package io.gatepass.server.internal.throttling;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The buckets of one quota, one per key (an account id, an authorization token). A bucket is made on a key's first
 * request; a request for a known key allocates nothing. The table is bounded: when it grows past its size, full
 * buckets (which are as good as new) are forgotten, and if that is not enough the table starts afresh, erring on the
 * side of admitting requests.
 */
final class BucketTable {
    private final RateLimit limit;
    private final int maxKeys;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    BucketTable(RateLimit limit, int maxKeys) {
        this.limit = limit;
        this.maxKeys = maxKeys;
    }

    RateLimit limit() {
        return limit;
    }

    /** Takes a token from {@code key}'s bucket at {@code now}: 0, or nanoseconds until a token will be there. */
    long tryTake(String key, long now) {
        TokenBucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                forgetFullBuckets(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new TokenBucket(limit));
        }
        return bucket.tryTake(now);
    }

    int size() {
        return buckets.size();
    }

    private void forgetFullBuckets(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        if (buckets.size() >= maxKeys / 2) {
            buckets.clear();
        }
    }
}
