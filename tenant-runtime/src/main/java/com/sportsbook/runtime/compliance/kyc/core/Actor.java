package com.sportsbook.runtime.compliance.kyc.core;

import java.util.Locale;
import java.util.Objects;

/**
 * Who moved a case: the player, the verification provider (by a signed webhook), a compliance officer, or the
 * platform itself (the expiry job).
 *
 * @param name the player's id, the provider's name, the officer's username, or the system job's name
 */
public record Actor(Kind kind, String name) {

    public enum Kind {
        PLAYER, PROVIDER, OFFICER, SYSTEM;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor has a name");
        }
    }

    public static Actor player(String id) {
        return new Actor(Kind.PLAYER, id);
    }

    public static Actor provider(String name) {
        return new Actor(Kind.PROVIDER, name);
    }

    public static Actor officer(String username) {
        return new Actor(Kind.OFFICER, username);
    }

    public static Actor system(String job) {
        return new Actor(Kind.SYSTEM, job);
    }
}
