/**
 * Voids of bets: manual voids with a reason, maker-checker above the approval amount, and the void report (manual
 * voids with actor and approver, voids by rule). Published for compliance's regulator reports, which read the report
 * and the applied void of a bet through {@link com.sportsbook.runtime.settlement.voids.Voids}.
 */
@org.springframework.modulith.NamedInterface("voids")
package com.sportsbook.runtime.settlement.voids;
