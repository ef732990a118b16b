package io.gatepass.store.internal.cache;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cache keys name the same read exactly when their kind and values are equal, whether they hold one value or two:
 * the written-out equality must agree with a record's generated one, or one row's cached read would answer another's.
 */
class CacheKeyTest {
    @Test
    void oneValueKeysOfTheSameKindAndValueFindTheSameEntry() {
        Map<CacheKey, String> cache = new HashMap<>();
        cache.put(new CacheKey("accessKey", "AKIA0001", null), "alice's key");

        assertThat(cache.get(new CacheKey("accessKey", new String("AKIA0001"), null))).isEqualTo("alice's key");
        assertThat(cache.get(new CacheKey("session", "AKIA0001", null))).isNull();
        assertThat(cache.get(new CacheKey("accessKey", "AKIA0001", "AKIA0001"))).isNull();
    }

    @Test
    void twoValueKeysDifferWhenEitherValueOrTheKindDiffers() {
        CacheKey compute = new CacheKey("compute", "fleet-1", "compute-00");

        assertThat(compute).isEqualTo(new CacheKey("compute", "fleet-1", "compute-00"))
                .hasSameHashCodeAs(new CacheKey("compute", "fleet-1", "compute-00"))
                .isNotEqualTo(new CacheKey("compute", "fleet-1", "compute-01"))
                .isNotEqualTo(new CacheKey("compute", "fleet-2", "compute-00"))
                .isNotEqualTo(new CacheKey("fleet", "fleet-1", "compute-00"))
                .isNotEqualTo(new CacheKey("compute", "fleet-1", null))
                .isNotEqualTo(null)
                .isNotEqualTo("compute");
    }

    /** Seeded: keys built from a small alphabet of kinds and values (null among them) compare as their parts do. */
    @Test
    void equalityAndHashAgreeWithThePartsForRandomKeys() {
        Random random = new Random(12);
        String[] kinds = {"fleet", "compute", "user"};
        Object[] values = {null, "a", "b", 7L, "fleet-1"};
        for (int i = 0; i < 2_000; i++) {
            String kind = kinds[random.nextInt(kinds.length)];
            Object first = values[random.nextInt(values.length)];
            Object second = values[random.nextInt(values.length)];
            String otherKind = kinds[random.nextInt(kinds.length)];
            Object otherFirst = values[random.nextInt(values.length)];
            Object otherSecond = values[random.nextInt(values.length)];
            CacheKey key = new CacheKey(kind, first, second);
            CacheKey other = new CacheKey(otherKind, otherFirst, otherSecond);
            boolean sameParts = kind.equals(otherKind) && java.util.Objects.equals(first, otherFirst)
                    && java.util.Objects.equals(second, otherSecond);

            assertThat(key.equals(other)).as("%s vs %s", key, other).isEqualTo(sameParts);
            assertThat(other.equals(key)).as("%s vs %s", other, key).isEqualTo(sameParts);
            if (sameParts) {
                assertThat(key.hashCode()).isEqualTo(other.hashCode());
            }
        }
    }
}
