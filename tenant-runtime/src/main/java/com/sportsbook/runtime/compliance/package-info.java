/**
 * Compliance in the runtime: the tenant's effective jurisdiction rules ({@code rules}), sanctions screening
 * ({@code screening}), AML monitoring with cases ({@code aml}), responsible gambling and KYC. Other modules call it through SPIs they own (identity's
 * registration checks, betting's {@code BettingGate}, payments' deposit checks), so nothing depends back on it.
 * The regulator exports per licence ({@code reports}, ADR 0021) read bets through betting's {@code placement} and
 * voids through settlement's {@code voids}, and write CSV through {@code exports}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "wallet", "betting :: placement", "payments", "audit",
        "settlement :: voids", "exports"})
package com.sportsbook.runtime.compliance;
