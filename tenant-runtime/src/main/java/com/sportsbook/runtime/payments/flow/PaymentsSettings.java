package com.sportsbook.runtime.payments.flow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform defaults for payments; per-tenant values come with the control plane's tenant settings.
 *
 * @param provider which provider collects and pays out ({@code sandbox} by default)
 * @param pendingDepositExpiry how long a deposit the provider has not taken up (still {@code pending}) counts against
 *     the player's deposit limits; past it the player has most likely abandoned it
 */
@ConfigurationProperties("runtime.payments")
record PaymentsSettings(String provider, WithdrawalRules withdrawals, @DefaultValue("1h") Duration pendingDepositExpiry) {

    /**
     * @param wageringRequired whether deposits must be wagered at least once before a withdrawal goes out unreviewed
     * @param approvalThreshold the amount in minor units above which two different staff members must approve
     */
    record WithdrawalRules(boolean wageringRequired, long approvalThreshold) {
    }
}
