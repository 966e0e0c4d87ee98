package com.sportsbook.commons;

/**
 * RFC 9457 problem details as JSON text, for the places that answer before any message converter runs (servlet
 * filters, the gateway's own refusals). One format and one type URL for every service.
 */
public final class ProblemJson {

    public static final String TYPE_BASE = "https://docs.sportsbook.example/problems/";

    private ProblemJson() {
    }

    public static String typeOf(String code) {
        return TYPE_BASE + code.replace('_', '-');
    }

    public static String render(int status, String title, String detail, String code) {
        return "{\"type\":\"" + typeOf(code) + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\",\"code\":\"" + escape(code) + "\"}";
    }

    /** JSON string escaping; angle brackets too, so the text is inert if a client renders it as HTML. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>') {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
