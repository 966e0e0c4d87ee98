package com.sportsbook.controlplane.audit.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A page of the platform audit, newest first: optionally one tenant's, one action or a family of actions
 * ({@code tenant.*}), within {@code [from, to)}; {@code before} is the cursor (the last id of the previous page).
 */
public record AuditQuery(String tenant, String action, boolean actionPrefix, Instant from, Instant to, int limit,
        Long before) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final Pattern TENANT = Pattern.compile("^[a-z][a-z0-9-]{1,39}$");
    private static final Pattern ACTION_PREFIX = Pattern.compile("^[a-z]+(\\.[a-z_]+)*$");

    /** A field the query cannot use, and why in plain words. */
    public record FieldError(String field, String message) {
    }

    public sealed interface Parsed {
        record Valid(AuditQuery query) implements Parsed {
        }

        record Invalid(List<FieldError> errors) implements Parsed {
            public Invalid {
                errors = List.copyOf(errors);
            }
        }
    }

    /**
     * Reads the query parameters as sent (any may be null or blank). {@code from} and {@code to} are instants
     * ({@code 2026-11-25T21:00:00Z}) or UTC days ({@code 2026-11-25}: from its start; to its end).
     */
    public static Parsed parse(String tenant, String action, String from, String to, String limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        String tenantValue = blankToNull(tenant);
        if (tenantValue != null && !TENANT.matcher(tenantValue).matches()) {
            errors.add(new FieldError("tenant", "a tenant slug: lowercase letters, digits and hyphens"));
        }
        String actionValue = blankToNull(action);
        boolean prefix = false;
        if (actionValue != null) {
            if (actionValue.endsWith(".*")) {
                prefix = true;
                actionValue = actionValue.substring(0, actionValue.length() - 2);
            }
            boolean valid = actionValue.length() <= AuditEntry.MAX_ACTION
                    && (prefix ? ACTION_PREFIX.matcher(actionValue).matches() : AuditEntry.ACTION.matcher(actionValue).matches());
            if (!valid) {
                errors.add(new FieldError("action", "an action like tenant.suspended, or a family like tenant.*"));
            }
        }
        Instant fromValue = instant(from, false, "from", errors);
        Instant toValue = instant(to, true, "to", errors);
        if (fromValue != null && toValue != null && !fromValue.isBefore(toValue)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        int limitValue = DEFAULT_LIMIT;
        if (blankToNull(limit) != null) {
            try {
                limitValue = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                limitValue = -1;
            }
            if (limitValue < 1 || limitValue > MAX_LIMIT) {
                errors.add(new FieldError("limit", "1 to " + MAX_LIMIT));
            }
        }
        Long before = null;
        if (blankToNull(cursor) != null) {
            try {
                before = Long.parseLong(cursor.strip());
            } catch (NumberFormatException e) {
                before = -1L;
            }
            if (before < 1) {
                errors.add(new FieldError("cursor", "the nextCursor of the previous page"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed.Invalid(errors);
        }
        return new Parsed.Valid(new AuditQuery(tenantValue, actionValue, prefix, fromValue, toValue, limitValue, before));
    }

    private static Instant instant(String value, boolean endOfDay, String field, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "an ISO-8601 instant (2026-11-25T21:00:00Z) or a day (2026-11-25)"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
