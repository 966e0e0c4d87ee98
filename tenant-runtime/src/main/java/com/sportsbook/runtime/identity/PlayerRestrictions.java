package com.sportsbook.runtime.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * Responsible-gambling exclusions of a person, implemented by compliance: time-outs and self-exclusions, which reach
 * every account of the same person on the operator's brands and outlive none of their periods, and the national
 * self-exclusion registers the brand's jurisdictions name. Identity asks at registration, at the first call of every
 * sign-in session, and on the calls of an excluded account (so that its status ends with the exclusion). Without
 * compliance, {@link NoPlayerRestrictions} excludes no one.
 */
public interface PlayerRestrictions {

    /**
     * An exclusion in force.
     *
     * @param status {@link PlayerStatus#SELF_EXCLUDED} or {@link PlayerStatus#TIMED_OUT}
     * @param until  when it ends; null: indefinite (or until the national register lets the person go)
     * @param detail why, shown to the person
     */
    record Exclusion(PlayerStatus status, Instant until, String detail) {
        public Exclusion {
            if (!status.mayStillWithdraw()) {
                throw new IllegalArgumentException("an exclusion is a time-out or a self-exclusion, not " + status);
            }
        }
    }

    /** Whether the person is excluded from opening an account on the brand: by the operator or by a national register. */
    Optional<Exclusion> atRegistration(PlayerRegistration registration, String brand);

    /** At the first call of a sign-in session of an active account: a national register's hit excludes it from now. */
    Optional<Exclusion> atSignIn(PlayerView player);

    /** The exclusion in force for the account now, if any. */
    Optional<Exclusion> inForce(PlayerView player);
}
