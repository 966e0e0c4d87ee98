package com.sportsbook.commons.web;

/** The plain page a browser gets instead of a problem detail when a brand cannot be served. */
public final class RefusalPage {

    private RefusalPage() {
    }

    /** Whether an Accept header asks for HTML explicitly (a browser), not merely anything. */
    public static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    public static String render(String heading, String title, String detail, String code) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + html(heading) + " - " + html(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;background:#0f1720;color:#f5f7fa;display:grid;"
                + "place-items:center;min-height:100vh;margin:0}main{max-width:32rem;padding:2rem;text-align:center}"
                + "h1{font-size:1.6rem}</style></head><body><main><h1>" + html(heading) + "</h1><p>"
                + html(detail) + "</p><p><small>Reference: " + html(code) + "</small></p>"
                + "</main></body></html>";
    }

    private static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
