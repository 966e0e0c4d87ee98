package com.sportsbook.runtime.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/**
 * The one JSON form that audit records and bet receipts are hashed and signed in, so that anyone can compute the
 * same bytes again: the JSON Canonicalization Scheme (RFC 8785) for the values we use. Object keys are sorted by
 * their UTF-16 code units, there is no whitespace, strings are escaped minimally (quote, backslash, and control
 * characters; everything else is written as UTF-8), integers are plain decimal numbers. Decimal values (prices,
 * fractions) are strings exactly as the platform holds them ({@code "2.10"}), never JSON numbers, so no reader ever
 * rounds them; times are strings in UTC with exactly six fraction digits ({@link #time}). Plain Java, no framework.
 */
public final class CanonicalJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** JSON text that is already canonical, embedded as it is (a stored payload inside a record's content). */
    public record Raw(String json) {
    }

    /**
     * Writes maps (string keys), collections, strings, integral numbers, booleans, null, {@link BigDecimal} (as a
     * string), {@link Instant} (as {@link #time}), {@link Raw}, and anything else by its {@code toString()} as a
     * string (ids, enums).
     */
    public static String write(Object value) {
        // a bet's receipt or record is about 1-2 KB: room for it at once rather than growing the buffer three times
        StringBuilder out = new StringBuilder(2048);
        write(value, out);
        return out.toString();
    }

    /** A time as canonical text: UTC, microseconds (what PostgreSQL keeps), e.g. {@code 2025-03-01T15:04:05.123456Z}. */
    public static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Raw raw -> out.append(raw.json());
            case String text -> string(text, out);
            case Boolean bool -> out.append(bool.booleanValue());
            case Long number -> out.append(number.longValue());
            case Integer number -> out.append(number.intValue());
            case Short number -> out.append(number.shortValue());
            case BigDecimal decimal -> string(decimal.toPlainString(), out);
            case Instant instant -> string(time(instant), out);
            case Map<?, ?> map -> object(map, out);
            case Collection<?> items -> {
                out.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(item, out);
                }
                out.append(']');
            }
            case Number number -> throw new IllegalArgumentException("only integral numbers and BigDecimal are canonical, not "
                    + number.getClass().getSimpleName());
            default -> string(value.toString(), out);
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        // sorted by UTF-16 code units (String's natural order), in an array: a tree per object cost more than the rest
        @SuppressWarnings("unchecked")
        Map.Entry<?, ?>[] entries = map.entrySet().toArray(new Map.Entry[0]);
        for (Map.Entry<?, ?> entry : entries) {
            if (!(entry.getKey() instanceof String)) {
                throw new IllegalArgumentException("object keys are strings, not " + entry.getKey());
            }
        }
        java.util.Arrays.sort(entries, (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey()));
        out.append('{');
        for (int i = 0; i < entries.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            string((String) entries[i].getKey(), out);
            out.append(':');
            write(entries[i].getValue(), out);
        }
        out.append('}');
    }

    /** A string, escaped minimally; the runs between characters that need escaping are appended whole. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, run, text.length());
        out.append('"');
    }
}
