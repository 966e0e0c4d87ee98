/**
 * KYC: one case per player moved only by the state machine in {@code core} (not started, pending, in review,
 * verified, rejected, expired; every move recorded with actor, time and reason), identity documents sealed with
 * envelope encryption (a data key per document wrapped by a master key) and stored as ciphertext in S3, a provider
 * SPI ({@link com.sportsbook.runtime.compliance.kyc.KycProvider}) with a sandbox provider answering by signed
 * webhooks, the player's and the officers' APIs, and the expiry job. Published within compliance:
 * {@link com.sportsbook.runtime.compliance.kyc.KycStatus} (where a player's verification stands) and
 * {@link com.sportsbook.runtime.compliance.kyc.KycPolicy} (which actions the brand's rules make wait for it), for the
 * deposit and betting gates; payments' {@code WithdrawalGate} is answered here.
 */
@org.springframework.modulith.NamedInterface("kyc")
package com.sportsbook.runtime.compliance.kyc;
