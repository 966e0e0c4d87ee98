package com.sportsbook.runtime.identity;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlayerController {

    private final Players players;

    PlayerController(Players players) {
        this.players = players;
    }

    record RegisterPlayer(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotNull LocalDate dateOfBirth,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String country,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code") String currency) {
    }

    @PostMapping("/api/v1/players")
    @Operation(summary = "Open a player account on the brand of the called host")
    ResponseEntity<?> register(@Valid @RequestBody RegisterPlayer request) {
        Players.Registration outcome = players.register(new PlayerRegistration(request.email(), request.password(),
                request.firstName(), request.lastName(), request.dateOfBirth(), request.country(), request.currency()));
        return switch (outcome) {
            case Players.Registration.Registered registered -> ResponseEntity
                    .created(URI.create("/api/v1/players/me")).body(registered.player());
            case Players.Registration.Refused refused -> refusal(refused);
        };
    }

    @GetMapping("/api/v1/players/me")
    @Operation(summary = "The signed-in player's profile, with this session and the previous one (shown at login)")
    ResponseEntity<?> me(@AuthenticationPrincipal Jwt token) {
        return players.profile(token.getSubject(), token.getClaimAsString("sid"))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                        "This account has no player profile on this brand."));
    }

    @PostMapping("/api/v1/players/me/logout")
    @Operation(summary = "Sign out of this session: its tokens are refused from now on and the Keycloak session ends")
    ResponseEntity<?> logout(@AuthenticationPrincipal Jwt token) {
        String session = token.getClaimAsString("sid");
        if (session == null) {
            return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCodes.VALIDATION_FAILED,
                    "This token names no sign-in session.");
        }
        return players.signOut(token.getSubject(), session) ? ResponseEntity.noContent().build()
                : Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "This account has no player profile on this brand.");
    }

    @PostMapping("/api/v1/backoffice/players/{id}/suspension")
    @Operation(summary = "Suspend a player account: sign-in is refused and open sessions end (staff)")
    ResponseEntity<?> suspend(@PathVariable UUID id) {
        return transition(players.moveTo(id, PlayerStatus.SUSPENDED));
    }

    @DeleteMapping("/api/v1/backoffice/players/{id}/suspension")
    @Operation(summary = "Lift a player's suspension (staff)")
    ResponseEntity<?> reinstate(@PathVariable UUID id) {
        return transition(players.moveTo(id, PlayerStatus.ACTIVE));
    }

    private static ResponseEntity<?> transition(Players.Transition transition) {
        return switch (transition) {
            case Players.Transition.Moved moved -> ResponseEntity.ok(moved.player());
            case Players.Transition.UnknownPlayer unknown -> Problems.response(HttpStatus.NOT_FOUND,
                    ErrorCodes.NOT_FOUND, "There is no such player.");
            case Players.Transition.ExclusionInForce inForce -> Problems.response(HttpStatus.CONFLICT, "exclusion_in_force",
                    "The player's " + (inForce.exclusion().status() == PlayerStatus.TIMED_OUT ? "time-out" : "self-exclusion")
                            + " cannot be lifted before it ends" + (inForce.exclusion().until() == null ? " (it is indefinite)."
                            : " (" + inForce.exclusion().until() + ")."));
        };
    }

    private static ResponseEntity<ProblemDetail> refusal(Players.Registration.Refused refused) {
        HttpStatus status = HttpStatus.valueOf(refused.status());
        ProblemDetail problem = Problems.of(status, refused.rejections().getFirst().code(),
                refused.rejections().getFirst().message());
        problem.setProperty("errors", refused.rejections().stream()
                .map(rejection -> Map.of("field", rejection.field(), "code", rejection.code(), "message", rejection.message()))
                .toList());
        return Problems.response(problem);
    }
}
