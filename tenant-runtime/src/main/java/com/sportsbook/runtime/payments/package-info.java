/**
 * Payments: deposits and withdrawals through payment service providers. The SPI is {@link
 * com.sportsbook.runtime.payments.PaymentProvider} (a sandbox PSP for the embedded mode and tests; Stripe next);
 * money moves only through the wallet, and only on a provider's verified webhook. Compliance decides through the
 * {@link com.sportsbook.runtime.payments.DepositGate} port, which this module owns and the compliance module will
 * implement.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "identity", "wallet"})
package com.sportsbook.runtime.payments;
