package com.sportsbook.commons;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's public identifier, and the only input from which its PostgreSQL schema name is derived.
 * The pattern is deliberately narrow: the schema name built from it is also allow-listed and quoted where used.
 */
public record TenantSlug(String value) {

    private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 40;
    private static final Set<String> RESERVED = Set.of(
            "admin", "api", "app", "control-plane", "internal", "platform", "public", "root", "runtime",
            "system", "template", "test", "www", "postgres", "information-schema");

    public TenantSlug {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid tenant slug: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null
                && value.length() >= MIN_LENGTH
                && value.length() <= MAX_LENGTH
                && SLUG.matcher(value).matches()
                && !RESERVED.contains(value);
    }

    public static Optional<TenantSlug> parse(String value) {
        return isValid(value) ? Optional.of(new TenantSlug(value)) : Optional.empty();
    }

    public TenantSchema schema() {
        return TenantSchema.of(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
