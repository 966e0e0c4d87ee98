package com.sportsbook.commons;

/** Stable, machine-readable {@code code} values of RFC 9457 problem details, shared by all services. */
public final class ErrorCodes {

    public static final String MALFORMED_REQUEST = "malformed_request";
    public static final String VALIDATION_FAILED = "validation_failed";
    public static final String NOT_FOUND = "not_found";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String CONFLICT = "conflict";
    public static final String INTERNAL_ERROR = "internal_error";

    public static final String UNKNOWN_HOST = "unknown_host";
    public static final String TENANT_SUSPENDED = "tenant_suspended";
    public static final String TENANT_NOT_LIVE = "tenant_not_live";
    public static final String TENANT_CLOSED = "tenant_closed";
    public static final String TENANT_CONTEXT_MISSING = "tenant_context_missing";
    public static final String TENANT_CONTEXT_INVALID = "tenant_context_invalid";
    public static final String UNKNOWN_TENANT = "unknown_tenant";
    public static final String INTERNAL_AUTH_REQUIRED = "internal_auth_required";

    public static final String TENANT_SLUG_TAKEN = "tenant_slug_taken";
    public static final String BRAND_HOST_TAKEN = "brand_host_taken";
    public static final String PROVISIONING_NOT_RETRYABLE = "provisioning_not_retryable";
    public static final String TENANT_STATE_CONFLICT = "tenant_state_conflict";

    /** A stored secret does not open under its tenant's encryption context (moved from another tenant, or tampered). */
    public static final String CREDENTIALS_UNREADABLE = "credentials_unreadable";
    public static final String ROTATION_RUNNING = "rotation_running";

    private ErrorCodes() {
    }
}
