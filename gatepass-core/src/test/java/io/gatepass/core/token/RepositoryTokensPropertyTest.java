package io.gatepass.core.token;

import io.gatepass.core.testing.ManualClock;
import io.gatepass.core.token.Verification.Reason;
import io.gatepass.core.token.Verification.Refused;
import io.gatepass.core.token.Verification.Valid;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random properties of repository authorization tokens; every message names the seed. */
class RepositoryTokensPropertyTest {
    private static final long SEED = 20261124L;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String ARN_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-/:!~*";
    private static final String DOMAIN_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-";
    /** Tried at every position: each class of the alphabet, both ends, and characters a URL or Basic auth mangles. */
    private static final char[] REPLACEMENTS = "0Aaz9Z._-~+/=%:@ ".toCharArray();

    private final Random random = new Random(SEED);
    private final ManualClock clock = new ManualClock(NOW);
    private final Map<String, Instant> domains = new HashMap<>();
    /** An older key that still verifies and a newer one that signs. */
    private final KeyRing ring = KeyRing.of(List.of(key("Old01", NOW.minus(Duration.ofHours(2))),
            key("New01", NOW.minus(Duration.ofHours(1)))), RepositoryTokens.MAX_LIFETIME);
    private final TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens = new TokenAuthority<>(new RepositoryTokens((owner, name) -> Optional.ofNullable(domains.get(owner + "/" + name))), () -> ring, clock);

    @Test
    void mint_forRandomSubjects_urlSafeDeterministicAndRoundTrips() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            RepositoryTokenSubject subject = live(randomSubject());
            Instant expiry = randomExpiry();
            clock.set(NOW);
            String token = tokens.mint(subject, expiry);

            assertThat(token).as("seed %d case %d", SEED, i).matches("[A-Za-z0-9._~-]+")
                    .doesNotContain("+", "/", "=", "%", ":", "@")
                    .hasSizeLessThanOrEqualTo(RepositoryTokenFormat.MAX_LENGTH);
            assertThat(tokens.mint(subject, expiry)).as("seed %d case %d", SEED, i).isEqualTo(token);
            assertThat(seen.add(token)).as("seed %d case %d unique", SEED, i).isTrue();
            clock.set(expiry.minusSeconds(1 + random.nextInt(10_000)));
            assertThat(tokens.verify(token)).as("seed %d case %d: %s", SEED, i, subject)
                    .isEqualTo(new Valid(subject, expiry.truncatedTo(ChronoUnit.SECONDS)));
        }
    }

    @Test
    void verify_whenAnySingleCharacterReplacedDeletedOrInserted_refused() {
        int checked = 0;
        // An Ed25519 verify costs about 0.1-1 ms here, and each token has thousands of variants: a few tokens.
        for (int i = 0; i < 4; i++) {
            String token = tokens.mint(live(randomSubject()), NOW.plus(RepositoryTokens.DEFAULT_TTL));
            assertThat(tokens.verify(token).isValid()).isTrue(); // remembered: its variants must not be
            for (String changed : TokenMutations.singleCharacterChanges(token, REPLACEMENTS)) {
                assertThat(tokens.verify(changed)).as("seed %d case %d: %s -> %s", SEED, i, token, changed)
                        .isInstanceOf(Refused.class);
                checked++;
            }
        }
        assertThat(checked).as("seed %d", SEED).isGreaterThan(4 * 150 * REPLACEMENTS.length);
    }

    @Test
    void verify_formatOneToken_whenAnySingleCharacterReplacedDeletedOrInserted_refused() {
        int checked = 0;
        for (int i = 0; i < 30; i++) {
            RepositoryTokenSubject subject = live(randomSubject());
            String token = RepositoryTokenFormat.mintLegacy(new MacKey(ring.newest()), subject,
                    NOW.plus(RepositoryTokens.DEFAULT_TTL).getEpochSecond());
            assertThat(tokens.verify(token).isValid()).as("seed %d case %d", SEED, i).isTrue();
            for (String changed : TokenMutations.singleCharacterChanges(token, REPLACEMENTS)) {
                assertThat(tokens.verify(changed)).as("seed %d case %d: %s -> %s", SEED, i, token, changed)
                        .isInstanceOf(Refused.class);
                checked++;
            }
        }
        assertThat(checked).as("seed %d", SEED).isGreaterThan(30 * 60 * REPLACEMENTS.length);
    }

    @Test
    void verify_tokenOfPrincipalA_neverVerifiesAsPrincipalB() {
        for (int i = 0; i < 200; i++) {
            RepositoryTokenSubject a = live(randomSubject());
            RepositoryTokenSubject b = live(switch (random.nextInt(4)) {
                case 0 -> new RepositoryTokenSubject(a.domainOwner(), a.domainName(), a.domainCreatedAt(),
                        a.principalArn() + "x", a.accountId());                          // a longer name
                case 1 -> new RepositoryTokenSubject(a.domainOwner(), a.domainName(), a.domainCreatedAt(),
                        randomArn(a.accountId()), a.accountId());                        // same account and domain
                case 2 -> new RepositoryTokenSubject(a.domainOwner(), randomDomain(), a.domainCreatedAt(),
                        a.principalArn(), a.accountId());                                // same principal, other domain
                default -> randomSubject();
            });
            if (a.equals(b)) {
                continue;
            }
            Instant expiry = NOW.plus(RepositoryTokens.DEFAULT_TTL);
            String tokenA = tokens.mint(a, expiry);
            String tokenB = tokens.mint(b, expiry);

            // B's payload under A's MAC, and A's payload under B's MAC: both forged.
            String forged = swapPayload(tokenA, tokenB);
            assertThat(tokens.verify(forged)).as("seed %d case %d", SEED, i).isEqualTo(new Refused(Reason.BAD_SIGNATURE));
            assertThat(tokens.verify(swapPayload(tokenB, tokenA))).as("seed %d case %d", SEED, i)
                    .isEqualTo(new Refused(Reason.BAD_SIGNATURE));
            // A's payload with only the ARN rewritten to B's, re-encoded, keeping A's MAC.
            if (a.domainName().equals(b.domainName())) {
                String rewritten = rewriteArn(tokenA, a, b.principalArn());
                if (rewritten != null) {
                    assertThat(tokens.verify(rewritten)).as("seed %d case %d", SEED, i)
                            .isEqualTo(new Refused(Reason.BAD_SIGNATURE));
                }
            }
            assertThat(tokens.verify(tokenA)).as("seed %d case %d", SEED, i).isEqualTo(new Valid(a, expiry));
        }
    }

    @Test
    void verify_whenExpiryReached_expired_beforeValid() {
        for (int i = 0; i < 300; i++) {
            RepositoryTokenSubject subject = live(randomSubject());
            Instant expiry = randomExpiry().truncatedTo(ChronoUnit.SECONDS);
            clock.set(NOW);
            String token = tokens.mint(subject, expiry);

            clock.set(expiry.plusMillis(random.nextInt(2) == 0 ? 0 : random.nextInt(Integer.MAX_VALUE)));
            assertThat(tokens.verify(token)).as("seed %d case %d", SEED, i).isEqualTo(new Refused(Reason.EXPIRED));
            clock.set(expiry.minusMillis(1 + random.nextInt(Integer.MAX_VALUE)));
            assertThat(tokens.verify(token).isValid()).as("seed %d case %d", SEED, i).isTrue();
        }
    }

    @Test
    void verify_whenSignedByAKeyOutsideTheRing_unknownKey() {
        for (int i = 0; i < 150; i++) {
            String id = randomKeyId();
            if (id.equals("Old01") || id.equals("New01")) {
                continue;
            }
            KeyRing stranger = KeyRing.of(List.of(key(id, NOW.minus(Duration.ofHours(1)))), RepositoryTokens.MAX_LIFETIME);
            TokenAuthority<RepositoryTokenSubject, RepositoryTokens> foreign = new TokenAuthority<>(new RepositoryTokens((owner, name) -> Optional.ofNullable(domains.get(owner + "/" + name))), () -> stranger, clock);
            String token = foreign.mint(live(randomSubject()), NOW.plus(RepositoryTokens.DEFAULT_TTL));
            assertThat(tokens.verify(token)).as("seed %d case %d", SEED, i).isEqualTo(new Refused(Reason.UNKNOWN_KEY));
            // Relabelled with a key id the ring has: the MAC no longer matches.
            String relabelled = token.substring(0, 6) + "New01" + token.substring(11);
            assertThat(tokens.verify(relabelled)).as("seed %d case %d", SEED, i)
                    .isEqualTo(new Refused(Reason.BAD_SIGNATURE));
        }
    }

    @Test
    void verify_whenDomainDeletedOrRecreated_domainGone() {
        List<RepositoryTokenSubject> subjects = new ArrayList<>();
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            subjects.add(live(randomSubject()));
            issued.add(tokens.mint(subjects.get(i), NOW.plus(RepositoryTokens.DEFAULT_TTL)));
        }
        for (int i = 0; i < subjects.size(); i++) {
            RepositoryTokenSubject subject = subjects.get(i);
            String key = subject.domainOwner() + "/" + subject.domainName();
            int fate = random.nextInt(3);
            if (fate == 1) {
                domains.remove(key);
            } else if (fate == 2) {
                domains.put(key, domains.getOrDefault(key, NOW).plusMillis(1 + random.nextInt(1_000_000)));
            }
            Verification verification = tokens.verify(issued.get(i));
            assertThat(verification).as("seed %d case %d fate %d", SEED, i, fate).isEqualTo(fate == 0
                    ? new Valid(subject, NOW.plus(RepositoryTokens.DEFAULT_TTL))
                    : new Refused(Reason.REVOKED));
            domains.put(key, subject.domainCreatedAt());
        }
    }

    private RepositoryTokenSubject live(RepositoryTokenSubject subject) {
        domains.put(subject.domainOwner() + "/" + subject.domainName(), subject.domainCreatedAt());
        return subject;
    }


    private static String swapPayload(String macFrom, String payloadFrom) {
        return payloadFrom.substring(0, payloadFrom.lastIndexOf('.')) + macFrom.substring(macFrom.lastIndexOf('.'));
    }

    /** The token with the ARN bytes of its payload replaced by {@code arn} (carried whole), or null if it cannot be. */
    private static String rewriteArn(String token, RepositoryTokenSubject subject, String arn) {
        int payloadAt = 12;
        int macDot = token.lastIndexOf('.');
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(payloadAt, macDot));
        int arnAt = 23 + subject.domainName().length();
        byte[] rest = arn.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(arnAt + 2 + rest.length);
        out.put(payload, 0, arnAt).putShort((short) rest.length).put(rest);
        out.put(0, (byte) 0);                                                                  // ARN form: whole
        String rewritten = token.substring(0, payloadAt) + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(out.array()) + token.substring(macDot);
        return rewritten.equals(token) ? null : rewritten;
    }

    private RepositoryTokenSubject randomSubject() {
        String owner = randomAccount();
        String account = random.nextInt(3) == 0 ? randomAccount() : owner;
        Instant created = NOW.minusMillis(random.nextInt(Integer.MAX_VALUE)).minusNanos(random.nextInt(1_000_000));
        return new RepositoryTokenSubject(owner, randomDomain(), created, randomArn(account), account);
    }

    private String randomArn(String account) {
        String rest = random.nextInt(30) == 0 ? randomText(1 + random.nextInt(1_900), ARN_CHARS)
                : randomText(1 + random.nextInt(120), ARN_CHARS);
        return switch (random.nextInt(5)) {
            case 0, 1 -> "arn:aws:iam::" + account + ":user/" + rest;
            case 2, 3 -> "arn:aws:sts::" + account + ":assumed-role/" + rest;
            default -> "arn:aws:iam::" + randomAccount() + ":role/" + rest;                  // another account
        };
    }

    private String randomDomain() {
        int length = 2 + random.nextInt(49);
        return (char) ('a' + random.nextInt(26)) + randomText(length - 2, DOMAIN_CHARS)
                + DOMAIN_CHARS.charAt(random.nextInt(DOMAIN_CHARS.length() - 1));
    }

    private String randomAccount() {
        return switch (random.nextInt(10)) {
            case 0 -> "000000000000";
            case 1 -> "999999999999";
            default -> String.format("%012d", (long) (random.nextDouble() * 1e12));
        };
    }

    private String randomText(int length, String alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private String randomKeyId() {
        return randomText(SigningKey.KEY_ID_LENGTH, Base62.DIGITS);
    }

    /** Mostly realistic expiries, sometimes the ends of the encodable range. */
    private Instant randomExpiry() {
        return switch (random.nextInt(20)) {
            case 0 -> Instant.ofEpochSecond(RepositoryTokenFormat.MAX_EXPIRY);
            case 1 -> Instant.ofEpochSecond(1 + random.nextInt(1_000_000));
            default -> NOW.plusSeconds(random.nextInt(400 * 24 * 3600)).plusMillis(random.nextInt(1000));
        };
    }

    private SigningKey key(String id, Instant createdAt) {
        byte[] secret = new byte[SigningKey.SECRET_BYTES];
        random.nextBytes(secret);
        return new SigningKey(id, secret, createdAt);
    }
}
