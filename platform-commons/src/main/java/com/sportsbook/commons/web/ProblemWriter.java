package com.sportsbook.commons.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/** Writes a problem detail from a servlet filter, where no message converter is in reach. */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, int status, String code, String detail) throws IOException {
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"https://docs.sportsbook.example/problems/" + code.replace('_', '-')
                + "\",\"title\":\"" + httpStatus.getReasonPhrase() + "\",\"status\":" + status
                + ",\"detail\":\"" + jsonEscape(detail) + "\",\"code\":\"" + code + "\"}");
    }

    static String jsonEscape(String text) {
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
