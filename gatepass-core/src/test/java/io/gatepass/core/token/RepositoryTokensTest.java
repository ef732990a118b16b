package io.gatepass.core.token;

import io.gatepass.core.testing.ManualClock;
import io.gatepass.core.token.Verification.Reason;
import io.gatepass.core.token.Verification.Refused;
import io.gatepass.core.token.Verification.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant CREATED = Instant.parse("2026-11-01T08:30:00.123Z");
    private static final byte[] SECRET = new byte[32];
    /**
     * Ed25519 with the seed HMAC-SHA256(SECRET, "gatepass/ed25519-seed/1"), over the label and the signed text of
     * the known-answer token; computed independently with python3's cryptography package.
     */
    private static final String KNOWN_SIGNATURE =
            "44W0edwU57-_q84_PBCs_Y-mGMXb3yDbcRTeERVUuWFiLW3pgjB9cSeOTPDlKKT_WUuavAFDRV2wFMiLH0hxBQ";

    static {
        for (int i = 0; i < 32; i++) {
            SECRET[i] = (byte) i;
        }
    }

    private final ManualClock clock = new ManualClock(NOW);
    private final Map<String, Instant> domains = new HashMap<>();
    private final KeyRing ring = KeyRing.of(List.of(new SigningKey("Key01", SECRET, NOW.minusSeconds(3600))),
            RepositoryTokens.MAX_LIFETIME);
    private final TokenAuthority<RepositoryTokenSubject, RepositoryTokens> tokens = new TokenAuthority<>(new RepositoryTokens(this::createdAt), () -> ring, clock);
    private final RepositoryTokenSubject ci = new RepositoryTokenSubject(
            "111122223333", "my-domain", CREATED, "arn:aws:iam::111122223333:user/ci", "111122223333");

    RepositoryTokensTest() {
        domains.put("111122223333/my-domain", CREATED);
    }

    private Optional<Instant> createdAt(String owner, String name) {
        return Optional.ofNullable(domains.get(owner + "/" + name));
    }

    /** A format 1 (HMAC) token minted by Gatepass before format 2, with SECRET as key Key01. */
    private static final String LEGACY_TOKEN =
            "gpca1.Key01.ARnfZpDlGd9mkOUBoZY607sAawS3YAlteS1kb21haW4AB3VzZXIvY2k.dolr8NHRY7iphT2skBCowA";

    @Test
    void mint_knownAnswer_matchesTheDocumentedLayout_andVerifiesWithThePublishedKeyAlone() throws Exception {
        Instant expiry = NOW.plus(RepositoryTokens.DEFAULT_TTL);
        String token = tokens.mint(ci, expiry);

        // The signed part, rebuilt from the layout documented in RepositoryTokenFormat without the production code:
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(1);                                                    // "arn:aws:iam::<account>:" left out
        out.write(Arrays.copyOfRange(longBytes(111122223333L), 3, 8));       // owner, 5 bytes
        out.write(Arrays.copyOfRange(longBytes(111122223333L), 3, 8));       // account, 5 bytes
        out.write(Arrays.copyOfRange(longBytes(CREATED.toEpochMilli()), 2, 8));
        out.write(Arrays.copyOfRange(longBytes(expiry.getEpochSecond()), 3, 8));
        out.writeByte(9);
        out.writeBytes("my-domain");
        out.writeShort(7);
        out.writeBytes("user/ci");
        String signed = "gpca2.Key01." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
        assertThat(token).startsWith(signed + ".").hasSize(signed.length() + 1 + 86);
        // Ed25519 is deterministic: the same key and input give this token on every node and in every version.
        assertThat(token).isEqualTo(signed + "." + KNOWN_SIGNATURE);

        // Checked as docs/tokens.md tells an outside verifier to: the published 32-byte key behind the X.509 prefix.
        byte[] x = ring.ed25519PublicKeys(NOW).get("Key01");
        byte[] spki = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(x, 0, spki, 12, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(("gatepass/codeartifact-authorization-token/ed25519\0" + signed)
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(token.substring(signed.length() + 1)))).isTrue();
    }

    @Test
    void verify_tokenMintedBeforeTheUpgrade_validUntilItExpires() throws Exception {
        Instant expiry = NOW.plus(RepositoryTokens.DEFAULT_TTL);
        assertThat(tokens.verify(LEGACY_TOKEN)).isEqualTo(new Valid(ci, expiry));
        assertThat(RepositoryTokenFormat.mintLegacy(new MacKey(ring.newest()), ci, expiry.getEpochSecond()))
                .isEqualTo(LEGACY_TOKEN);
        // its layout, as documented: HMAC-SHA256 truncated to 128 bits over a label and the text before the MAC
        String signed = LEGACY_TOKEN.substring(0, LEGACY_TOKEN.lastIndexOf('.'));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        mac.update("gatepass/codeartifact-authorization-token\0".getBytes(StandardCharsets.US_ASCII));
        byte[] full = mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
        assertThat(LEGACY_TOKEN).isEqualTo(signed + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(full, 16)));
        String altered = LEGACY_TOKEN.substring(0, LEGACY_TOKEN.length() - 1) + "B";
        assertThat(tokens.verify(altered)).isEqualTo(new Refused(Reason.BAD_SIGNATURE));
        clock.set(expiry);
        assertThat(tokens.verify(LEGACY_TOKEN)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void verify_whenVerifiedBefore_stillChecksKeyExpiryAndDomainEachTime() {
        Instant expiry = NOW.plusSeconds(3600);
        String token = tokens.mint(ci, expiry);
        assertThat(tokens.verify(token)).isEqualTo(new Valid(ci, expiry));             // now remembered
        domains.put("111122223333/my-domain", CREATED.plusSeconds(1));                 // deleted and created again
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.REVOKED));
        domains.put("111122223333/my-domain", CREATED);
        assertThat(tokens.verify(token)).isEqualTo(new Valid(ci, expiry));
        // the same token text from a key of the same id but another secret is not the remembered one
        KeyRing[] current = {ring};
        TokenAuthority<RepositoryTokenSubject, RepositoryTokens> swapping = new TokenAuthority<>(new RepositoryTokens(this::createdAt), () -> current[0], clock);
        assertThat(swapping.verify(token).isValid()).isTrue();
        byte[] secret = SECRET.clone();
        secret[0] ^= 1;
        current[0] = KeyRing.of(List.of(new SigningKey("Key01", secret, NOW.minusSeconds(60))),
                RepositoryTokens.MAX_LIFETIME);
        assertThat(swapping.verify(token)).isEqualTo(new Refused(Reason.UNKNOWN_KEY));
        current[0] = KeyRing.of(List.of(new SigningKey("Key02", SECRET, NOW.minusSeconds(60))),
                RepositoryTokens.MAX_LIFETIME);
        assertThat(swapping.verify(token)).isEqualTo(new Refused(Reason.UNKNOWN_KEY));
        clock.set(expiry);
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void verify_whenJustMinted_validWithTheSubjectItCarries() {
        RepositoryTokenSubject role = new RepositoryTokenSubject("111122223333", "my-domain", CREATED,
                "arn:aws:sts::444455556666:assumed-role/deploy/session-1", "444455556666");
        Instant expiry = NOW.plusSeconds(900);
        assertThat(tokens.verify(tokens.mint(role, expiry))).isEqualTo(new Valid(role, expiry));
        assertThat(tokens.verify(tokens.mint(ci, expiry))).isEqualTo(new Valid(ci, expiry));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::999999999999:user/other-account",    // another account's ARN: carried whole
            "arn:aws-cn:iam::111122223333:user/ci",             // another partition
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:",                       // empty rest after the prefix
            "arn:aws:sts::111122223333:federated-user/bob"})
    void verify_whenArnHasAnyShape_roundTrips(String arn) {
        RepositoryTokenSubject subject = new RepositoryTokenSubject("111122223333", "my-domain", CREATED, arn,
                "111122223333");
        Instant expiry = NOW.plusSeconds(3600);
        assertThat(tokens.verify(tokens.mint(subject, expiry))).isEqualTo(new Valid(subject, expiry));
    }

    @Test
    void mint_typicalToken_isShortAndUrlSafe() {
        String token = tokens.mint(new RepositoryTokenSubject("111122223333", "my-domain", CREATED,
                "arn:aws:sts::111122223333:assumed-role/ci-role/github-actions-1234", "111122223333"),
                NOW.plus(RepositoryTokens.DEFAULT_TTL));
        assertThat(token).matches("[A-Za-z0-9._-]+").hasSizeLessThan(210);
    }

    @Test
    void mint_longestArn_withinMaxLength() {
        String arn = "arn:aws:iam::111122223333:role/" + "p".repeat(RepositoryTokenSubject.MAX_ARN_LENGTH - 31);
        RepositoryTokenSubject subject = new RepositoryTokenSubject("999999999999", "z".repeat(50), CREATED, arn,
                "000000000000");
        domains.put("999999999999/" + "z".repeat(50), CREATED);
        String token = tokens.mint(subject, Instant.ofEpochSecond(RepositoryTokenFormat.MAX_EXPIRY));
        assertThat(token.length()).isLessThanOrEqualTo(RepositoryTokenFormat.MAX_LENGTH).isLessThan(2_990);
        assertThat(tokens.verify(token)).isEqualTo(
                new Valid(subject, Instant.ofEpochSecond(RepositoryTokenFormat.MAX_EXPIRY)));
    }

    @Test
    void mint_whenSameInputsTwice_sameToken_andFractionOfSecondTruncated() {
        Instant expiry = NOW.plusSeconds(3600);
        String token = tokens.mint(ci, expiry.plusMillis(999));
        assertThat(token).isEqualTo(tokens.mint(ci, expiry)).isNotEqualTo(tokens.mint(ci, expiry.plusSeconds(1)));
        assertThat(tokens.verify(token)).isEqualTo(new Valid(ci, expiry));
    }

    @Test
    void mint_whenExpiryOutOfRange_throws() {
        assertThatThrownBy(() -> tokens.mint(ci, Instant.ofEpochSecond(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.mint(ci, Instant.ofEpochSecond(RepositoryTokenFormat.MAX_EXPIRY + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "11112222333, my-domain, arn:aws:iam::111122223333:user/ci, 111122223333",
            "111122223333, My-domain, arn:aws:iam::111122223333:user/ci, 111122223333",
            "111122223333, d, arn:aws:iam::111122223333:user/ci, 111122223333",
            "111122223333, 1domain, arn:aws:iam::111122223333:user/ci, 111122223333",
            "111122223333, my_domain, arn:aws:iam::111122223333:user/ci, 111122223333",
            "111122223333, my-domain, arn:, 111122223333",
            "111122223333, my-domain, arn:aws:iam::111122223333:user/é, 111122223333",
            "1111a2223333, my-domain, arn:aws:iam::111122223333:user/ci, 111122223333",
            "111122223333, my-domain-, arn:aws:iam::111122223333:user/ci, 111122223333",
            "111122223333, my-domain, aws:iam::111122223333:user/ci, 111122223333",
            "111122223333, my-domain, arn:aws:iam::111122223333:user/c i, 111122223333",
            "111122223333, my-domain, arn:aws:iam::111122223333:user/ci, 1111222233334"})
    void subject_whenFieldInvalid_throws(String owner, String domain, String arn, String account) {
        assertThatThrownBy(() -> new RepositoryTokenSubject(owner, domain, CREATED, arn, account))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subject_keepsDomainCreationToTheMillisecond() {
        RepositoryTokenSubject subject = new RepositoryTokenSubject("111122223333", "my-domain",
                CREATED.plusNanos(456_789), "arn:aws:iam::111122223333:user/ci", "111122223333");
        assertThat(subject).isEqualTo(ci);
    }

    @Test
    void verify_whenExpiryReached_expired() {
        Instant expiry = NOW.plusSeconds(900);
        String token = tokens.mint(ci, expiry);
        clock.set(expiry.minusMillis(1));
        assertThat(tokens.verify(token).isValid()).isTrue();
        clock.set(expiry);
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.EXPIRED));
        clock.advance(Duration.ofDays(1));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.EXPIRED));
    }

    @Test
    void verify_whenDomainDeleted_domainGone_andStillGoneAfterRecreation() {
        String token = tokens.mint(ci, NOW.plusSeconds(3600));
        domains.remove("111122223333/my-domain");
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.REVOKED));
        domains.put("111122223333/my-domain", NOW.minusSeconds(1));            // created again, same name
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.REVOKED));
        RepositoryTokenSubject again = new RepositoryTokenSubject("111122223333", "my-domain", NOW.minusSeconds(1),
                ci.principalArn(), ci.accountId());
        assertThat(tokens.verify(tokens.mint(again, NOW.plusSeconds(3600))).isValid()).isTrue();
    }

    @Test
    void verify_whenStoreKeepsMicroseconds_comparesToTheMillisecond() {
        domains.put("111122223333/my-domain", CREATED.plusNanos(456_000));
        assertThat(tokens.verify(tokens.mint(ci, NOW.plusSeconds(3600))).isValid()).isTrue();
    }

    @Test
    void verify_whenExpiredAndDomainGone_expiredWithoutLookup() {
        String token = tokens.mint(ci, NOW.plusSeconds(900));
        TokenAuthority<RepositoryTokenSubject, RepositoryTokens> failing = new TokenAuthority<>(new RepositoryTokens((o, n) -> {
            throw new IllegalStateException("store down");
        }), () -> ring, clock);
        clock.advance(Duration.ofHours(1));
        assertThat(failing.verify(token)).isEqualTo(new Refused(Reason.EXPIRED));
        clock.set(NOW);
        assertThatThrownBy(() -> failing.verify(token)).hasMessage("store down");
    }

    @Test
    void verify_whenKeyNotInRing_unknownKey() {
        KeyRing other = KeyRing.of(List.of(new SigningKey("Key02", SECRET, NOW.minusSeconds(3600))),
                RepositoryTokens.MAX_LIFETIME);
        String token = new TokenAuthority<>(new RepositoryTokens(this::createdAt), () -> other, clock).mint(ci, NOW.plusSeconds(900));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.UNKNOWN_KEY));
    }

    @Test
    void verify_whenSignedWithAnotherSecretUnderTheSameId_badSignature() {
        byte[] secret = SECRET.clone();
        secret[0] ^= 1;
        KeyRing other = KeyRing.of(List.of(new SigningKey("Key01", secret, NOW.minusSeconds(3600))),
                RepositoryTokens.MAX_LIFETIME);
        String token = new TokenAuthority<>(new RepositoryTokens(this::createdAt), () -> other, clock).mint(ci, NOW.plusSeconds(900));
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.BAD_SIGNATURE));
    }

    @Test
    void verify_afterRotation_oldTokensVerifyUntilTheOldKeyRetires() {
        InMemoryKeyRingStore store = new InMemoryKeyRingStore();
        Random random = new Random(7);
        KeyRing[] current = {KeyRing.loadOrCreate(store, RepositoryTokens.KEY_PURPOSE, RepositoryTokens.MAX_LIFETIME,
                clock, random)};
        TokenAuthority<RepositoryTokenSubject, RepositoryTokens> rotating = new TokenAuthority<>(new RepositoryTokens(this::createdAt), () -> current[0], clock);
        String old = rotating.mint(ci, NOW.plus(RepositoryTokens.DEFAULT_TTL));

        clock.advance(Duration.ofHours(1));
        current[0] = KeyRing.rotate(store, RepositoryTokens.KEY_PURPOSE, RepositoryTokens.MAX_LIFETIME, clock, random);
        clock.advance(KeyRing.ACTIVATION_DELAY);
        String fresh = rotating.mint(ci, NOW.plus(RepositoryTokens.DEFAULT_TTL).plusSeconds(1));
        assertThat(fresh.substring(6, 11)).isNotEqualTo(old.substring(6, 11));
        assertThat(rotating.verify(old).isValid()).isTrue();
        assertThat(rotating.verify(fresh).isValid()).isTrue();
        assertThat(store.load(ComputeAuthTokens.KEY_PURPOSE)).isEmpty();            // a purpose of its own
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gpca1", "gpca1.Key01.", "gpca2.Key01.AQAZ35hTFQAZ35hTFQGaP5jGywAAaSPGMAlteS1kb21haW4AB3VzZXIvY2k.j02FP-3Qd8zSmLVhXYCt2w",
            "gpca1.Key0!.AQAZ35hTFQAZ35hTFQGaP5jGywAAaSPGMAlteS1kb21haW4AB3VzZXIvY2k.j02FP-3Qd8zSmLVhXYCt2w",
            "gpca1.Key01.AQAZ35hTFQAZ35hTFQGaP5jGywAAaSPGMAlteS1kb21haW4AB3VzZXIvY2k=.j02FP-3Qd8zSmLVhXYCt2w",
            "gpca1.Key01.AQAZ35hTFQAZ35hTFQGaP5jGywAAaSPGMAlteS1kb21haW4AB3VzZXIvY2k.j02FP+3Qd8zSmLVhXYCt2w",
            "gpca1.Key01.AQAZ35hTFQAZ35hTFQGaP5jGywAAaSPGMAlteS1kb21haW4AB3VzZXIvY2k.j02FP-3Qd8zSmLVhXYCt2",
            "gpca1.Key01..j02FP-3Qd8zSmLVhXYCt2w",
            "gpca1.Key01.AQAZ.j02FP-3Qd8zSmLVhXYCt2w",
            "1Key011xVTeK0TMXp8QPR6yGvKuV2GZQ101ynAKoiakbp9XeYm9aGvLv"})           // a compute auth token
    void verify_whenNotThisFormat_malformed(String token) {
        assertThat(tokens.verify(token)).isEqualTo(new Refused(Reason.MALFORMED));
    }

    @Test
    void verify_whenNullOrHuge_malformed() {
        assertThat(tokens.verify(null)).isEqualTo(new Refused(Reason.MALFORMED));
        assertThat(tokens.verify("gpca1.Key01." + "A".repeat(5000) + ".j02FP-3Qd8zSmLVhXYCt2w"))
                .isEqualTo(new Refused(Reason.MALFORMED));
    }

    // --- GetAuthorizationToken duration rules

    @ParameterizedTest(name = "duration {0} with session {1} -> {2}")
    @CsvSource(nullValues = "omitted", value = {
            "omitted, omitted,              2026-11-23T22:00:00Z",
            "omitted, 2026-11-23T10:15:00Z, 2026-11-23T22:00:00Z",   // independent of a short session
            "0,       2026-11-23T10:15:00Z, 2026-11-23T10:15:00Z",
            "0,       2026-11-23T10:15:00.900Z, 2026-11-23T10:15:00Z",
            "0,       2026-11-25T10:00:00Z, 2026-11-24T22:00:00Z",   // capped at MAX_LIFETIME (36 h)
            "900,     omitted,              2026-11-23T10:15:00Z",
            "900,     2026-11-23T10:01:00Z, 2026-11-23T10:15:00Z",
            "43200,   omitted,              2026-11-23T22:00:00Z"})
    void expiry_whenAccepted(Long duration, Instant session, Instant expected) {
        assertThat(RepositoryTokens.expiry(NOW.plusMillis(250), duration, session)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "duration {0} -> {1}")
    @CsvSource(nullValues = "omitted", value = {
            "0,     long-term access keys",
            "899,   between 900 and 43200",
            "1,     between 900 and 43200",
            "43201, between 900 and 43200",
            "-1,    between 900 and 43200"})
    void expiry_whenRefused_throwsWithReason(Long duration, String message) {
        assertThatThrownBy(() -> RepositoryTokens.expiry(NOW, duration, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void expiry_whenDurationZeroAndSessionAlreadyExpired_throws() {
        assertThatThrownBy(() -> RepositoryTokens.expiry(NOW, 0L, NOW.plusMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already expired");
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }
}
