/**
 * Betting: server-authoritative bet placement (singles, multiples up to 20 legs, the named full-cover systems and
 * k-from-n systems), quotes with the maximum stake, the odds-change policy, in-play bet delays with re-validation,
 * the stake taken (or held during the delay) in the same transaction that records the bet, a snapshot of every
 * selection at acceptance, every status transition logged, and exposure per selection for liability.
 * Every placement, acceptance (with a receipt signed by the platform), rejection, cash-out and risk setting change is
 * written to the audit log in the transaction that makes it. Cash-out and system bets are behind feature flags
 * ({@code cash-out}, {@code system-bets}): off for a brand, they answer 403 {@code feature_disabled}. {@code core} is plain Java (shapes, returns, limits, policies).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "catalog", "wallet", "identity", "audit", "features"})
package com.sportsbook.runtime.betting;
