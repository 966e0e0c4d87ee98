/**
 * The wallet: a double-entry ledger per tenant (ARCHITECTURE.md, "Money rules"). Its API is the {@link
 * com.sportsbook.runtime.wallet.Wallet} interface and the records beside it, all free of Spring; the JDBC engine
 * ({@code ledger}) and the HTTP endpoints ({@code web}) are internal. Betting and payments move money only through
 * {@code Wallet}. Every journal transaction is also written to the audit log, in the same database transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "audit"})
package com.sportsbook.runtime.wallet;
