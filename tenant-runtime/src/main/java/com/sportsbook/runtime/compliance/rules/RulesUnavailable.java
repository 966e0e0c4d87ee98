package com.sportsbook.runtime.compliance.rules;

/**
 * The tenant's effective rules cannot be known: the control plane was not reached and no answer recent enough is
 * at hand. Compliance fails closed: whatever needed the rules is refused (the web layer answers 503
 * {@code rules_unavailable}); nothing falls back to the bare packs, which would ignore the tenant's stricter rules.
 */
public class RulesUnavailable extends RuntimeException {

    public RulesUnavailable(String message) {
        super(message);
    }

    public RulesUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
