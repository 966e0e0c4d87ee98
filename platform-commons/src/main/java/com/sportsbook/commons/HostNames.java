package com.sportsbook.commons;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalisation and validation of brand host names (RFC 1123 labels, no port, no trailing dot). */
public final class HostNames {

    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern ALL_DIGITS_AND_DOTS = Pattern.compile("^[0-9.]+$");

    private HostNames() {
    }

    /** The host part of a Host header, lower-cased, without port or trailing dot; empty when it is not a name. */
    public static Optional<String> normalise(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return Optional.empty();
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return Optional.empty();
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return isValidBrandHost(host) ? Optional.of(host) : Optional.empty();
    }

    /** A fully qualified name of at least two labels that is not an IP address. */
    public static boolean isValidBrandHost(String host) {
        if (host == null || host.isEmpty() || host.length() > 253 || ALL_DIGITS_AND_DOTS.matcher(host).matches()) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
