package com.sportsbook.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.springframework.web.util.UriUtils;

/**
 * The path a backend will actually route, computed at the edge: percent-decoded once, dot segments resolved, empty
 * segments dropped. A path that stays ambiguous after that (encoded again, a backslash, path parameters, climbing
 * above the root) has no canonical form and is refused, so no spelling of {@code /internal} slips past the edge.
 */
final class EdgePaths {

    private EdgePaths() {
    }

    static Optional<String> canonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = UriUtils.decode(rawPath, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        if (decoded.indexOf('%') >= 0 || decoded.indexOf('\\') >= 0 || decoded.indexOf(';') >= 0
                || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
                continue;
            }
            segments.addLast(segment);
        }
        return Optional.of("/" + String.join("/", segments));
    }

    static String firstSegment(String canonicalPath) {
        int next = canonicalPath.indexOf('/', 1);
        return next < 0 ? canonicalPath.substring(1) : canonicalPath.substring(1, next);
    }
}
