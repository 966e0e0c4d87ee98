package com.sportsbook.runtime.payments.flow;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Platform defaults for payments; per-tenant values come with the control plane's tenant settings.
 *
 * @param provider which provider collects and pays out ({@code sandbox} by default)
 */
@ConfigurationProperties("runtime.payments")
record PaymentsSettings(String provider, WithdrawalRules withdrawals) {

    /**
     * @param wageringRequired whether deposits must be wagered at least once before a withdrawal goes out unreviewed
     * @param approvalThreshold the amount in minor units above which two different staff members must approve
     */
    record WithdrawalRules(boolean wageringRequired, long approvalThreshold) {
    }
}
