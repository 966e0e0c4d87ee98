package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.compliance.rules.BrandRules;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;

/** The brand's KYC timing from its effective jurisdiction rules (the strictest over its jurisdictions). */
final class JurisdictionKycPolicy implements KycPolicy {

    private final EffectiveRules rules;

    JurisdictionKycPolicy(EffectiveRules rules) {
        this.rules = rules;
    }

    @Override
    public Requirement forBrand(String brand) {
        BrandRules brandRules = rules.forBrand(brand);
        Timing timing = switch (brandRules.kycTiming()) {
            case BEFORE_PLAY -> Timing.BEFORE_PLAY;
            case DEPOSIT_THRESHOLD -> Timing.DEPOSIT_THRESHOLD;
            case BEFORE_WITHDRAWAL -> Timing.BEFORE_WITHDRAWAL;
        };
        String when = switch (timing) {
            case BEFORE_PLAY -> "before any deposit or bet";
            case DEPOSIT_THRESHOLD -> "before deposits reach " + brandRules.kycDepositThreshold().byCurrency()
                    + " (minor units) and before the first withdrawal";
            case BEFORE_WITHDRAWAL -> "before the first withdrawal";
        };
        return new Requirement(timing, brandRules.kycDepositThreshold().byCurrency(), "The rules of "
                + String.join(", ", brandRules.jurisdictions()) + " (rule version " + brandRules.ruleVersion()
                + ") require your identity to be verified " + when + ".");
    }
}
