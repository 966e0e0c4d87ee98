package com.sportsbook.controlplane.flags;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feature flags for platform staff (platform realm: admins change them, support reads them; see docs/permissions.md):
 * define a flag, set its rollout (named tenants, a percentage of tenants, jurisdictions), pull or release its kill
 * switch, and read its history.
 */
@RestController
class FlagsController {

    record CreateFlag(String key, String description, List<String> tenants, BigDecimal percentage,
            List<String> jurisdictions, String reason) {
    }

    record RolloutRequest(String description, List<String> tenants, BigDecimal percentage, List<String> jurisdictions,
            String reason) {
    }

    record ReasonRequest(String reason) {
    }

    record FlagPage(List<FlagView> items, String nextCursor) {
    }

    record FlagDetail(FlagView flag, List<Flags.Evaluation> evaluation) {
    }

    record ChangeView(long version, Instant at, Map<String, String> actor, String action, String reason,
            Map<String, Object> before, Map<String, Object> after) {
    }

    record HistoryPage(List<ChangeView> items, String nextCursor) {
    }

    private final Flags flags;

    FlagsController(Flags flags) {
        this.flags = flags;
    }

    @GetMapping("/api/v1/flags")
    @Operation(summary = "Every feature flag with its rollout, kill switch and how far Unleash has caught up, by key")
    ResponseEntity<?> list(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > 200) {
            return Problems.invalidField("A page holds 1 to 200 flags.", "limit", "1 to 200");
        }
        List<FlagView> after = flags.list().stream().filter(flag -> cursor == null || flag.key().compareTo(cursor) > 0).toList();
        List<FlagView> page = after.stream().limit(limit).toList();
        return ResponseEntity.ok(new FlagPage(page, after.size() > limit ? page.getLast().key() : null));
    }

    @PostMapping("/api/v1/flags")
    @Operation(summary = "Define a flag with its first rollout (by default nobody)")
    ResponseEntity<?> create(@RequestBody(required = false) CreateFlag body, JwtAuthenticationToken token) {
        if (body == null) {
            return Problems.invalidField("A flag is required.", "body", "{\"key\", \"description\", \"tenants\", \"percentage\", \"jurisdictions\"}");
        }
        Flags.Outcome outcome = flags.create(body.key(), body.description(), body.tenants(), body.percentage(),
                body.jurisdictions(), Actor.of(token), body.reason());
        if (outcome instanceof Flags.Outcome.Done done) {
            return ResponseEntity.created(URI.create("/api/v1/flags/" + done.flag().key())).body(done.flag());
        }
        return problem((Flags.Outcome.Refused) outcome);
    }

    @GetMapping("/api/v1/flags/{key}")
    @Operation(summary = "A flag with its rollout and whether it is on for each brand of each tenant")
    ResponseEntity<?> read(@PathVariable String key) {
        return flags.find(key)
                .<ResponseEntity<?>>map(flag -> ResponseEntity.ok(new FlagDetail(flag, flags.evaluate(key).orElse(List.of()))))
                .orElseGet(() -> notFound(key));
    }

    @PutMapping("/api/v1/flags/{key}")
    @Operation(summary = "Replace a flag's rollout: named tenants, a percentage of tenants by stable hash, jurisdictions")
    ResponseEntity<?> rollout(@PathVariable String key, @RequestBody(required = false) RolloutRequest body,
            JwtAuthenticationToken token) {
        if (body == null) {
            return Problems.invalidField("A rollout is required.", "body", "{\"tenants\", \"percentage\", \"jurisdictions\"}");
        }
        return answer(flags.changeRollout(key, body.description(), body.tenants(), body.percentage(), body.jurisdictions(),
                Actor.of(token), body.reason()));
    }

    @PostMapping("/api/v1/flags/{key}/kill-switch")
    @Operation(summary = "Pull the kill switch: the flag is off everywhere at once, whatever its rollout")
    ResponseEntity<?> kill(@PathVariable String key, @RequestBody(required = false) ReasonRequest body, JwtAuthenticationToken token) {
        return answer(flags.kill(key, true, Actor.of(token), body == null ? null : body.reason()));
    }

    @DeleteMapping("/api/v1/flags/{key}/kill-switch")
    @Operation(summary = "Release the kill switch: the rollout applies again")
    ResponseEntity<?> revive(@PathVariable String key, @RequestBody(required = false) ReasonRequest body, JwtAuthenticationToken token) {
        return answer(flags.kill(key, false, Actor.of(token), body == null ? null : body.reason()));
    }

    @GetMapping("/api/v1/flags/{key}/history")
    @Operation(summary = "Every change of the flag, newest first: who, when, what, before and after")
    ResponseEntity<?> history(@PathVariable String key, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > 200) {
            return Problems.invalidField("A page holds 1 to 200 changes.", "limit", "1 to 200");
        }
        Long before;
        try {
            before = cursor == null ? null : Long.valueOf(cursor);
        } catch (NumberFormatException e) {
            return Problems.invalidField("Not a cursor of this list.", "cursor", "the nextCursor of the previous page");
        }
        return flags.history(key, before, limit + 1)
                .<ResponseEntity<?>>map(changes -> {
                    List<ChangeView> page = changes.stream().limit(limit).map(change -> new ChangeView(change.version(), change.at(),
                            Map.of("id", change.actorId(), "name", change.actorName()), change.action(), change.reason(),
                            change.before(), change.after())).toList();
                    return ResponseEntity.ok(new HistoryPage(page, changes.size() > limit ? Long.toString(page.getLast().version()) : null));
                })
                .orElseGet(() -> notFound(key));
    }

    private static ResponseEntity<?> answer(Flags.Outcome outcome) {
        return switch (outcome) {
            case Flags.Outcome.Done done -> ResponseEntity.ok(done.flag());
            case Flags.Outcome.Refused refused -> problem(refused);
        };
    }

    private static ResponseEntity<?> problem(Flags.Outcome.Refused refused) {
        HttpStatus status = HttpStatus.valueOf(refused.status());
        ProblemDetail problem = refused.code().equals(ErrorCodes.VALIDATION_FAILED)
                ? Problems.invalid(refused.detail(), errors(refused))
                : Problems.of(status, refused.code(), refused.detail());
        if (!refused.errors().isEmpty() && !refused.code().equals(ErrorCodes.VALIDATION_FAILED)) {
            problem.setProperty("errors", errors(refused));
        }
        return Problems.response(problem);
    }

    private static List<Map<String, String>> errors(Flags.Outcome.Refused refused) {
        return refused.errors().stream().map(error -> Map.of("field", error.field(), "message", error.message())).toList();
    }

    private static ResponseEntity<?> notFound(String key) {
        return Problems.response(HttpStatus.NOT_FOUND, Flags.FLAG_NOT_FOUND, "No flag " + key + ".");
    }
}
