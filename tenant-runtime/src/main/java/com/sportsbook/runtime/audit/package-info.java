/**
 * Audit: the append-only, hash-chained log of what happened in a tenant (bets with their prices, voids,
 * settlements, wallet transactions, limit changes, exclusions, KYC decisions, staff actions, configuration changes),
 * its verification, and bet receipts signed by the platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy"})
package com.sportsbook.runtime.audit;
