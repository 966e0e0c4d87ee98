/**
 * The wallet: a double-entry ledger per tenant (ARCHITECTURE.md, "Money rules"). Its API is the {@link
 * com.sportsbook.runtime.wallet.Wallet} interface and the records beside it, all free of Spring; the JDBC engine
 * ({@code ledger}) and the HTTP endpoints ({@code web}) are internal. Betting and payments move money only through
 * {@code Wallet}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity"})
package com.sportsbook.runtime.wallet;
