package com.sportsbook.commons;

import java.util.regex.Pattern;

/**
 * The PostgreSQL schema that holds one tenant's data. Only constructed from a {@link TenantSlug} or from a name
 * that passes the same allow-list, and only ever written into SQL through {@link #quoted()}.
 */
public record TenantSchema(String name) {

    public static final String PREFIX = "tenant_";
    private static final Pattern ALLOWED = Pattern.compile("^tenant_[a-z][a-z0-9]*(_[a-z0-9]+)*$");

    public TenantSchema {
        if (name == null || name.length() > 63 || !ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException("not an allowed tenant schema name: " + name);
        }
    }

    public static TenantSchema of(TenantSlug slug) {
        return new TenantSchema(PREFIX + slug.value().replace('-', '_'));
    }

    /** The identifier as it must appear in SQL. The allow-list already excludes quotes; quoting also fixes case. */
    public String quoted() {
        return '"' + name + '"';
    }

    @Override
    public String toString() {
        return name;
    }
}
