package com.sportsbook.runtime.identity;

import java.util.Optional;

/** Excludes no one: stands in where the compliance module's responsible gambling is absent. */
final class NoPlayerRestrictions implements PlayerRestrictions {

    @Override
    public Optional<Exclusion> atRegistration(PlayerRegistration registration, String brand) {
        return Optional.empty();
    }

    @Override
    public Optional<Exclusion> atSignIn(PlayerView player) {
        return Optional.empty();
    }

    @Override
    public Optional<Exclusion> inForce(PlayerView player) {
        return Optional.empty();
    }
}
