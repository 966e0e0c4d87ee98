package com.sportsbook.runtime.identity;

import com.sportsbook.commons.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every authenticated call, a player's account must be active: a suspension, closure or self-exclusion takes
 * effect on the very next call, even with a token issued before it. Calls of an active account are recorded in
 * its sign-in session (start and last activity).
 */
class AccountStatusFilter extends OncePerRequestFilter {

    static final String SESSION_ENDED = "session_ended";

    private final Players players;

    AccountStatusFilter(Players players) {
        this.players = players;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Optional<Players.Admission> admission = players.admit(token.getToken().getSubject(),
                    token.getToken().getClaimAsString("sid"));
            if (admission.isPresent() && admission.get().sessionEnded()) {
                ProblemWriter.write(response, 401, SESSION_ENDED, "You signed out of this session; sign in again.");
                return;
            }
            if (admission.isPresent() && admission.get().status() != PlayerStatus.ACTIVE) {
                PlayerStatus status = admission.get().status();
                ProblemWriter.write(response, 403, status.refusalCode(),
                        "This account cannot be used at the moment (" + status.wireName().replace('_', ' ') + ").");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
