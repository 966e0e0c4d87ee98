package com.sportsbook.controlplane.tenants;

import java.util.List;

/** What registering a tenant can end in. Expected rejections are values, not exceptions. */
public sealed interface RegistrationResult {

    record Registered(TenantView tenant) implements RegistrationResult {
    }

    record Invalid(List<FieldError> errors) implements RegistrationResult {
    }

    record SlugTaken(String slug) implements RegistrationResult {
    }

    record HostTaken(List<String> hosts) implements RegistrationResult {
    }
}
