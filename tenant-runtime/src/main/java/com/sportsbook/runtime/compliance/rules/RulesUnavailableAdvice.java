package com.sportsbook.runtime.compliance.rules;

import com.sportsbook.commons.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Whatever needed the rules while they could not be known is refused: 503 {@code rules_unavailable}, never a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RulesUnavailableAdvice {

    static final String RULES_UNAVAILABLE = "rules_unavailable";

    private static final Logger log = LoggerFactory.getLogger(RulesUnavailableAdvice.class);

    @ExceptionHandler(RulesUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(RulesUnavailable e) {
        log.warn("refused while the jurisdiction rules are unavailable: {}", e.getMessage());
        return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, RULES_UNAVAILABLE,
                "The jurisdiction rules cannot be checked right now; nothing was done. Try again shortly.");
    }
}
