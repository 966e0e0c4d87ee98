/**
 * Audit: the append-only, hash-chained log of what happened in a tenant (bets with their prices, voids,
 * settlements, wallet transactions, limit changes, exclusions, KYC decisions, staff actions, configuration changes),
 * its verification, and bet receipts signed by the platform (ADR 0016). Other modules write through
 * {@link com.sportsbook.runtime.audit.AuditTrail} in their own transactions and issue receipts through
 * {@link com.sportsbook.runtime.audit.BetReceipts}; {@code log} (records, the sealer that chains them, the verifier),
 * {@code receipts} (Ed25519 signing) and {@code web} are internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy"})
package com.sportsbook.runtime.audit;
