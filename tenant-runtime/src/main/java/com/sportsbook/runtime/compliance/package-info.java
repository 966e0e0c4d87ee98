/**
 * Compliance in the runtime: the tenant's effective jurisdiction rules ({@code rules}), sanctions screening
 * ({@code screening}), AML monitoring with cases ({@code aml}), responsible gambling and KYC. Other modules call it through SPIs they own (identity's
 * registration checks, betting's {@code BettingGate}, payments' deposit checks), so nothing depends back on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "wallet", "betting :: placement", "payments", "audit"})
package com.sportsbook.runtime.compliance;
