package com.sportsbook.commons.web;

import com.sportsbook.commons.ProblemJson;
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
        response.getWriter().write(ProblemJson.render(status, httpStatus.getReasonPhrase(), detail, code));
    }
}
