package com.sportsbook.controlplane.tenants;

/** One invalid field of a command, in the request's own field path (e.g. {@code brand.hosts[1]}). */
public record FieldError(String field, String message) {
}
