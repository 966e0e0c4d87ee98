package com.sportsbook.commons.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.ProblemJson;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the RFC 9457 problem details of the API conventions: type, title, status, detail and a stable code. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemJson.typeOf(code)));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<Map<String, String>> fieldErrors) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCodes.VALIDATION_FAILED, detail);
        problem.setProperty("errors", fieldErrors);
        return problem;
    }

    /** A 422 naming one field: the shape of most refusals of a single bad value. */
    public static ResponseEntity<ProblemDetail> invalidField(String detail, String field, String message) {
        return response(invalid(detail, List.of(Map.of("field", field, "message", message))));
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(of(status, code, detail));
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
