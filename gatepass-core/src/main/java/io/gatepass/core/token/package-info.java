/**
 * Compute auth tokens for GameLift Anywhere, CodeArtifact repository authorization tokens (Ed25519-signed so they
 * verify offline) and the key ring that signs them. No HTTP, no SQL: the server supplies the persistence through small
 * interfaces.
 *
 * <p>Entry points: {@link io.gatepass.core.token.TokenAuthority} mints and verifies the tokens of one
 * {@link io.gatepass.core.token.TokenKind}, and as the {@link io.gatepass.core.token.TokenVerifier} answers what a token
 * was issued for or why it is refused ({@link io.gatepass.core.token.Verification}). The kinds are
 * {@link io.gatepass.core.token.ComputeAuthTokens} (its {@code expiryFor} is the "same token until less than 15
 * minutes are left" rule; {@link io.gatepass.core.token.ComputeRegistrations} tells it which registrations are live)
 * and {@link io.gatepass.core.token.RepositoryTokens} ({@link io.gatepass.core.token.RepositoryDomains} tells it which
 * domains exist). {@link io.gatepass.core.token.KeyRing} holds the keys ({@link io.gatepass.core.token.SigningKey}),
 * loaded from and added to a {@link io.gatepass.core.token.KeyRingStore}.
 *
 * <p>Wiring in the server: build the ring with {@code KeyRing.loadOrCreate(store, kind.keyPurpose(),
 * kind.maxLifetime(), clock, new SecureRandom())}, keep it in an {@code AtomicReference}, reload it about once a minute
 * (well within {@link io.gatepass.core.token.KeyRing#ACTIVATION_DELAY}), and pass {@code ref::get} to
 * {@code new TokenAuthority<>(kind, ref::get, clock)} (the server's {@code tokens/ReloadingKeyRing} does this, and
 * {@code tokens/KeyRingMaintenance} also reports, activates, rotates and purges keys). Registration ids must be
 * canonical UUIDs.
 */
package io.gatepass.core.token;
