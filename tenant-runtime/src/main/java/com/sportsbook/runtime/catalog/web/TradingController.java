package com.sportsbook.runtime.catalog.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.catalog.TradingHolds;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traders suspend and resume betting at sport, competition, event, market or selection level, whatever the feed
 * says; every hold and release keeps who, when and why (the audit trail is the hold table itself).
 */
@RestController
class TradingController {

    private final TradingHolds holds;

    TradingController(TradingHolds holds) {
        this.holds = holds;
    }

    record HoldRequest(String level, String target, String reason) {
    }

    @GetMapping("/api/v1/backoffice/trading/holds")
    @Operation(summary = "Trading holds, newest first (active=false for the history with releases)")
    @Transactional(readOnly = true)
    List<TradingHolds.Hold> list(@RequestParam(defaultValue = "true") boolean active) {
        return holds.list(active);
    }

    @PostMapping("/api/v1/backoffice/trading/holds")
    @Operation(summary = "Suspend betting on a sport (key), competition, event, market or selection (id), with a reason")
    @Transactional
    ResponseEntity<?> hold(@RequestBody(required = false) HoldRequest request, JwtAuthenticationToken caller) {
        Optional<TradingHolds.Level> level = Optional.ofNullable(request).flatMap(r -> TradingHolds.Level.fromWire(r.level()));
        if (level.isEmpty()) {
            return Problems.invalidField("Unknown hold level.", "level", "sport, competition, event, market or selection");
        }
        if (request.target() == null || request.target().isBlank() || request.target().length() > 100) {
            return Problems.invalidField("A hold names its target.", "target", "a sport key or an id");
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 300) {
            return Problems.invalidField("A hold gives its reason.", "reason", "1 to 300 characters");
        }
        return holds.hold(level.get(), request.target().strip(), request.reason().strip(), who(caller))
                .<ResponseEntity<?>>map(hold -> ResponseEntity.status(HttpStatus.CREATED).body(hold))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no such " + level.get().wire() + "."));
    }

    @DeleteMapping("/api/v1/backoffice/trading/holds/{id}")
    @Operation(summary = "Resume betting: release a hold")
    @Transactional
    ResponseEntity<?> release(@PathVariable String id, JwtAuthenticationToken caller) {
        UUID holdId;
        try {
            holdId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Problems.invalidField("Not a hold id.", "id", "a hold id");
        }
        return holds.release(holdId, who(caller)).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no active hold with this id."));
    }

    private static String who(JwtAuthenticationToken caller) {
        return RealmTokens.actor(caller.getToken());
    }
}
