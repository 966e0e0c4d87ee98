package com.sportsbook.runtime.compliance.kyc;

import java.util.Map;

/**
 * Which actions need a verified identity on a brand: a jurisdiction rule (DOMAIN.md: some require verification
 * before any play, others before withdrawal or above a cumulative deposit threshold). Answered from the brand's
 * effective rules ({@link JurisdictionKycPolicy}); fails closed like them when they cannot be known.
 */
public interface KycPolicy {

    Requirement forBrand(String brand);

    enum Timing {
        /** Before the first withdrawal. */
        BEFORE_WITHDRAWAL,
        /** Before the first withdrawal, and before cumulative deposits reach the threshold. */
        DEPOSIT_THRESHOLD,
        /** Before any deposit or bet. */
        BEFORE_PLAY;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param depositThresholds with {@link Timing#DEPOSIT_THRESHOLD}: cumulative deposits (minor units) per currency
     * @param why the rule and where it comes from, shown to the player
     */
    record Requirement(Timing timing, Map<String, Long> depositThresholds, String why) {
        public Requirement {
            depositThresholds = Map.copyOf(depositThresholds);
        }
    }
}
