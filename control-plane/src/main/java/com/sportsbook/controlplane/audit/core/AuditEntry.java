package com.sportsbook.controlplane.audit.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One platform action to record: what ({@code tenant.suspended}), on which tenant (none for platform-wide actions),
 * by whom, with details as a JSON object. Never a secret in {@code detail}.
 */
public record AuditEntry(String action, String tenant, Actor actor, Map<String, Object> detail) {

    /** Dotted lowercase names: a subject and what happened to it ({@code brand.logo_uploaded}). */
    public static final Pattern ACTION = Pattern.compile("^[a-z]+(\\.[a-z_]+)+$");
    public static final int MAX_ACTION = 64;

    /** Who acted: the account's stable id (a token's subject), the name it signs in with, its e-mail if known. */
    public record Actor(String subject, String name, String email) {
        public Actor {
            Objects.requireNonNull(subject, "subject");
            name = name == null || name.isBlank() ? subject : name;
            subject = cut(subject, 255);
            name = cut(name, 255);
            email = email == null || email.isBlank() ? null : cut(email, 320);
        }
    }

    public AuditEntry {
        if (action == null || action.length() > MAX_ACTION || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("not an audit action: " + action);
        }
        Objects.requireNonNull(actor, "actor");
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
