package com.sportsbook.runtime.identity;

import java.util.UUID;

/** Clears every registration: stands in where the compliance module's screening is absent. */
final class NoRegistrationScreening implements RegistrationScreening {

    @Override
    public Verdict screen(PlayerView player) {
        return Verdict.CLEAR;
    }

    @Override
    public boolean holds(UUID playerId) {
        return false;
    }
}
