package com.sportsbook.runtime.tenancy;

/**
 * Tenant data was touched with no tenant bound. Always a bug: there is no default schema to fall back to.
 */
public class NoTenantBoundException extends IllegalStateException {

    public NoTenantBoundException() {
        super("no tenant is bound to this unit of work; tenant data cannot be reached without one");
    }
}
