package com.sportsbook.runtime.features;

/**
 * The features the runtime gates, by their flag key in the control plane and Unleash.
 *
 * @param whenUnknown the answer while the flag is unknown (not defined, or no flags read yet): both gated features
 *                    existed before flags, so they stay on rather than vanish when the flag source is away
 */
public enum Feature {

    /** Players cash out running bets: the quote, the cash-out itself and the automatic target. */
    CASH_OUT("cash-out", true),
    /** Players place system bets: the named full-cover systems (Trixie to Goliath) and k/n. */
    SYSTEM_BETS("system-bets", true);

    private final String key;
    private final boolean whenUnknown;

    Feature(String key, boolean whenUnknown) {
        this.key = key;
        this.whenUnknown = whenUnknown;
    }

    public String key() {
        return key;
    }

    public boolean whenUnknown() {
        return whenUnknown;
    }
}
