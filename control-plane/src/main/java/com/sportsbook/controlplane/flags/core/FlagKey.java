package com.sportsbook.controlplane.flags.core;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A flag's key: kebab-case, 2 to 64 characters, starting with a letter ({@code cash-out}, {@code system-bets}). It is
 * also the feature's name in Unleash and the group id of its percentage rollout, so it never changes.
 */
public record FlagKey(String value) {

    private static final Pattern KEBAB = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    public FlagKey {
        if (!valid(value)) {
            throw new IllegalArgumentException("not a flag key: " + value);
        }
    }

    public static boolean valid(String value) {
        return value != null && value.length() >= 2 && value.length() <= 64 && KEBAB.matcher(value).matches();
    }

    public static Optional<FlagKey> parse(String value) {
        return valid(value) ? Optional.of(new FlagKey(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
