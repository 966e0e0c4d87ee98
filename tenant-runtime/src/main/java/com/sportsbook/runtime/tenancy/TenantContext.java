package com.sportsbook.runtime.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant bound to the current thread. Request work is bound by {@code GatewayTenantFilter}; background work
 * binds its tenant explicitly with {@link #callAs}, one tenant at a time. Binding is always scoped: it is undone
 * when the call returns, so a pooled thread never carries a tenant into the next task.
 */
public final class TenantContext {

    private static final ThreadLocal<BoundTenant> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<BoundTenant> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static BoundTenant require() {
        BoundTenant tenant = CURRENT.get();
        if (tenant == null) {
            throw new NoTenantBoundException();
        }
        return tenant;
    }

    /** Binds the tenant until the returned scope is closed, then restores what was bound before. */
    public static Scope bind(BoundTenant tenant) {
        BoundTenant previous = CURRENT.get();
        CURRENT.set(tenant);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static <T> T callAs(BoundTenant tenant, Supplier<T> work) {
        try (Scope ignored = bind(tenant)) {
            return work.get();
        }
    }

    /** A binding's lifetime; closing it never fails. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public static void runAs(BoundTenant tenant, Runnable work) {
        callAs(tenant, () -> {
            work.run();
            return null;
        });
    }
}
