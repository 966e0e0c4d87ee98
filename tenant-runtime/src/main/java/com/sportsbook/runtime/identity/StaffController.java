package com.sportsbook.runtime.identity;

import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StaffController {

    private final StaffInvitations invitations;

    StaffController(StaffInvitations invitations) {
        this.invitations = invitations;
    }

    record InviteStaff(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotEmpty @Size(max = 6) List<@NotBlank String> roles) {
    }

    @PostMapping("/api/v1/backoffice/staff")
    @Operation(summary = "Invite a staff member with roles (tenant admin); OTP is set up at first sign-in")
    ResponseEntity<?> invite(@Valid @RequestBody InviteStaff request) {
        StaffInvitations.Outcome outcome = invitations.invite(new StaffInvitations.Invitation(request.email(),
                request.firstName(), request.lastName(), request.roles()));
        return switch (outcome) {
            case StaffInvitations.Outcome.Invited invited -> ResponseEntity
                    .created(URI.create("/api/v1/backoffice/staff/" + invited.id())).body(invited);
            case StaffInvitations.Outcome.UnknownRoles unknown -> {
                ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unknown_role",
                        "Staff roles are " + String.join(", ", StaffInvitations.STAFF_ROLES.stream().sorted().toList())
                                + "; not " + String.join(", ", unknown.roles()) + ".");
                yield Problems.response(problem);
            }
            case StaffInvitations.Outcome.EmailTaken taken -> Problems.response(HttpStatus.CONFLICT, "email_taken",
                    "An account with this email already exists.");
        };
    }
}
