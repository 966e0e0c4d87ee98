/**
 * Settlement: results (from the feed, or entered by traders with maker-checker above a liability), grading every
 * market type ({@code core}, plain Java), settlement runs per tenant and event in resumable batches that pay every
 * bet exactly once through the ledger, resettlement of corrected results (reversal referencing the earlier
 * settlement, every version kept, a visible player debt where the money is gone), voids by rule (past-post,
 * cancelled, abandoned, postponed beyond the sport's cut-off) and manual voids with maker-checker. Results entered,
 * confirmed and rejected, settlements and resettlements, voids and settings changes are written to the audit log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "catalog", "betting :: placement", "wallet", "audit",
        "exports"})
package com.sportsbook.runtime.settlement;
