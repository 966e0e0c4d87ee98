package com.sportsbook.runtime.identity;

import java.util.UUID;

/**
 * Sanctions and PEP screening of players, implemented by compliance. A hit never refuses a registration (that would
 * tip the person off): the account opens blocked and stays so until a compliance officer clears every hit on it.
 * Without compliance, {@link NoRegistrationScreening} clears everyone.
 */
public interface RegistrationScreening {

    enum Verdict {
        CLEAR, BLOCK
    }

    /**
     * Screens a player just registered, inside the transaction that stores the account: what it records (a case per
     * hit) commits or rolls back with the account. {@link Verdict#BLOCK} opens the account blocked.
     */
    Verdict screen(PlayerView player);

    /** Whether open or confirmed screening hits hold this account blocked; staff cannot reinstate it past them. */
    boolean holds(UUID playerId);
}
