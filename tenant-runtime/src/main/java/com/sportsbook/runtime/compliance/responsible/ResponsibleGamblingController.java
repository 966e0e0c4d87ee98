package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.compliance.responsible.core.LimitChanges;
import com.sportsbook.runtime.compliance.responsible.core.LimitKind;
import com.sportsbook.runtime.compliance.responsible.core.LimitPeriod;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The player's responsible-gambling page: limits (a tightening applies now, a loosening after the jurisdiction's
 * cooling-off), time-outs and self-exclusions within the jurisdiction's periods (they sign the player out at once,
 * reach every brand of the operator and cannot be lifted early: no endpoint lifts them), and the reality-check
 * interval and figures. Bounds come from the brand's effective rules; when those cannot be known the answer is 503.
 */
@RestController
class ResponsibleGamblingController {

    private static final String BASE = "/api/v1/responsible-gambling";

    private final ResponsibleGambling gambling;
    private final Players players;

    ResponsibleGamblingController(ResponsibleGambling gambling, Players players) {
        this.gambling = gambling;
        this.players = players;
    }

    /** A limit as it stands after a request; {@code effectiveAt}: when the request takes effect. */
    record LimitResult(String kind, String period, Long amount, ResponsibleGambling.Pending pending, boolean applied,
            Instant effectiveAt) {
    }

    /** @param intervalMinutes the player's reality-check interval, within the jurisdiction's bounds */
    record RealityCheckRequest(Integer intervalMinutes) {
    }

    /** @param days the length of the time-out, within the jurisdiction's bounds */
    record TimeOutRequest(Integer days) {
    }

    /** Either {@code months} (one of the jurisdiction's periods) or {@code permanent: true}. */
    record SelfExclusionRequest(Integer months, Boolean permanent) {
    }

    /** An exclusion taken: the player has been signed out of every session and may sign in only to withdraw. */
    record ExclusionTaken(ResponsibleGambling.ExclusionView exclusion, boolean signedOut) {
    }

    @GetMapping(BASE)
    @Operation(summary = "The player's limits (used, left, pending changes), the jurisdiction's bounds (cooling-off, "
            + "time-out, self-exclusion periods, reality checks, deposit caps) and the exclusion in force")
    ResponseEntity<?> overview(JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        return player.<ResponseEntity<?>>map(found -> ResponseEntity.ok(gambling.overview(found))).orElseGet(this::noPlayer);
    }

    @PutMapping(BASE + "/limits/{kind}/{period}")
    @Operation(summary = "Set, lower, raise or remove ({\"amount\": null}) a deposit, loss, wager (minor units) or "
            + "session-time (minutes) limit per day, week or month: 200 applied now, 202 pending its cooling-off")
    ResponseEntity<?> limit(@PathVariable String kind, @PathVariable String period,
            @RequestBody(required = false) Map<String, Object> body, JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return noPlayer();
        }
        Optional<LimitKind> limitKind = parse(kind, LimitKind.class);
        if (limitKind.isEmpty()) {
            return Problems.invalidField("Unknown kind of limit.", "kind", "deposit, loss, wager or session_time");
        }
        Optional<LimitPeriod> limitPeriod = parse(period, LimitPeriod.class);
        if (limitPeriod.isEmpty()) {
            return Problems.invalidField("Unknown limit period.", "period", "day, week or month");
        }
        if (body == null || !body.containsKey("amount")) {
            return Problems.invalidField("Say the new limit, or null to remove it.", "amount",
                    "{\"amount\": a whole number of minor units (minutes for session time), or null}");
        }
        Object raw = body.get("amount");
        Long amount;
        if (raw == null) {
            amount = null;
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger
                || (raw instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0)) {
            try {
                amount = new BigDecimal(raw.toString()).longValueExact();
            } catch (ArithmeticException e) {
                return invalidAmount();
            }
        } else {
            return invalidAmount();
        }
        return switch (gambling.setLimit(player.get(), limitKind.get(), limitPeriod.get(), amount, actor(token))) {
            case ResponsibleGambling.Outcome.Done<Limits.Changed> done -> {
                LimitChanges.Limit limit = done.value().limit();
                LimitResult result = new LimitResult(kind, period, limit.amount(), limit.hasPending()
                        ? new ResponsibleGambling.Pending(limit.pendingAmount(), limit.pendingRemoval(), limit.pendingFrom()) : null,
                        done.value().immediate(), done.value().effectiveAt());
                yield ResponseEntity.status(done.value().immediate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(result);
            }
            case ResponsibleGambling.Outcome.Refused<Limits.Changed> refused -> refusal(refused);
        };
    }

    @PostMapping(BASE + "/time-out")
    @Operation(summary = "Take a time-out of {\"days\": n} within the jurisdiction's bounds: signed out at once, no bets "
            + "or deposits on any brand of the operator until it ends, withdrawals still possible; it cannot be lifted early")
    ResponseEntity<?> timeOut(@RequestBody(required = false) TimeOutRequest request, JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return noPlayer();
        }
        if (request == null || request.days() == null) {
            return Problems.invalidField("Say how long the time-out lasts.", "days", "a whole number of days");
        }
        return taken(gambling.timeOut(player.get(), request.days(), actor(token)));
    }

    @PostMapping(BASE + "/self-exclusion")
    @Operation(summary = "Exclude yourself for {\"months\": n} (one of the jurisdiction's periods) or {\"permanent\": true}: "
            + "signed out at once, no bets or deposits on any brand of the operator, withdrawals still possible; it "
            + "cannot be lifted early")
    ResponseEntity<?> selfExclusion(@RequestBody(required = false) SelfExclusionRequest request, JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return noPlayer();
        }
        boolean permanent = request != null && Boolean.TRUE.equals(request.permanent());
        if (request == null || (request.months() == null && !permanent) || (request.months() != null && permanent)) {
            return Problems.invalidField("Say the self-exclusion period.", "months",
                    "{\"months\": one of the periods offered} or {\"permanent\": true}");
        }
        return taken(gambling.selfExclude(player.get(), request.months(), permanent, actor(token)));
    }

    @GetMapping(BASE + "/reality-check")
    @Operation(summary = "This session's reality check: when it started, minutes played, net win or loss, the interval "
            + "and when the next check is due")
    ResponseEntity<?> realityCheck(JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        return player.<ResponseEntity<?>>map(found -> ResponseEntity.ok(gambling.realityCheck(found,
                token.getToken().getClaimAsString("sid")))).orElseGet(this::noPlayer);
    }

    @PutMapping(BASE + "/reality-check")
    @Operation(summary = "Choose the reality-check interval {\"intervalMinutes\": n} within the jurisdiction's bounds")
    ResponseEntity<?> chooseRealityCheck(@RequestBody(required = false) RealityCheckRequest request, JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return noPlayer();
        }
        if (request == null || request.intervalMinutes() == null) {
            return Problems.invalidField("Say the interval.", "intervalMinutes", "a whole number of minutes");
        }
        return switch (gambling.setRealityCheck(player.get(), request.intervalMinutes())) {
            case ResponsibleGambling.Outcome.Done<Integer> done -> ResponseEntity.ok(gambling.realityCheck(player.get(),
                    token.getToken().getClaimAsString("sid")));
            case ResponsibleGambling.Outcome.Refused<Integer> refused -> refusal(refused);
        };
    }

    private ResponseEntity<?> taken(ResponsibleGambling.Outcome<ResponsibleGambling.ExclusionView> outcome) {
        return switch (outcome) {
            case ResponsibleGambling.Outcome.Done<ResponsibleGambling.ExclusionView> done ->
                    ResponseEntity.status(HttpStatus.CREATED).body(new ExclusionTaken(done.value(), true));
            case ResponsibleGambling.Outcome.Refused<ResponsibleGambling.ExclusionView> refused -> refusal(refused);
        };
    }

    private static ResponseEntity<?> refusal(ResponsibleGambling.Outcome.Refused<?> refused) {
        return Problems.response(HttpStatus.valueOf(refused.status()), refused.code(), refused.detail());
    }

    private static ResponseEntity<?> invalidAmount() {
        return Problems.invalidField("The limit is not a whole number.", "amount",
                "a whole number of minor units (minutes for session time) from 0, or null to remove the limit");
    }

    private static <E extends Enum<E>> Optional<E> parse(String wire, Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().toLowerCase(java.util.Locale.ROOT).equals(wire))
                .findFirst();
    }

    private static String actor(JwtAuthenticationToken token) {
        return "player:" + RealmTokens.actor(token.getToken());
    }

    private ResponseEntity<?> noPlayer() {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "This account has no player profile on this brand.");
    }
}
