/**
 * Compute auth tokens for GameLift Anywhere, CodeArtifact repository authorization tokens ({@link
 * io.gatepass.core.token.RepositoryTokens}, Ed25519-signed so they verify offline) and the key ring that signs them. No HTTP, no SQL: the server supplies
 * the persistence through two small interfaces.
 *
 * <p>Entry points: {@link io.gatepass.core.token.ComputeAuthTokens} mints tokens and, as the
 * {@link io.gatepass.core.token.TokenVerifier}, answers which compute a token belongs to or why it is refused
 * ({@link io.gatepass.core.token.Verification}); its static {@code expiryFor} is the "same token until less than 15
 * minutes are left" rule. {@link io.gatepass.core.token.KeyRing} holds the HMAC keys
 * ({@link io.gatepass.core.token.SigningKey}), loaded from and added to a
 * {@link io.gatepass.core.token.KeyRingStore}; {@link io.gatepass.core.token.ComputeRegistrations} tells the verifier
 * which registrations are live.
 *
 * <p>Wiring in the server: build the ring with {@code KeyRing.loadOrCreate(store, ComputeAuthTokens.KEY_PURPOSE,
 * maxTtl, clock, new SecureRandom())}, keep it in an {@code AtomicReference}, reload it about once a minute (well within
 * {@link io.gatepass.core.token.KeyRing#ACTIVATION_DELAY}), and pass {@code ref::get} to {@code ComputeAuthTokens}
 * (the server's {@code tokens/KeyRingMaintenance} also reports, activates, rotates and purges keys).
 * {@code maxTtl} must be at least the configured token TTL. Registration ids must be canonical UUIDs.
 */
package io.gatepass.core.token;
