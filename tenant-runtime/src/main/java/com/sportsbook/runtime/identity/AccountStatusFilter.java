package com.sportsbook.runtime.identity;

import com.sportsbook.commons.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every authenticated call, a player's account must be active: a suspension, closure, self-exclusion or a
 * sanctions screening block takes effect on the very next call, even with a token issued before it. Calls of an active account are recorded in
 * its sign-in session (start and last activity).
 *
 * <p>A player under a time-out or self-exclusion is signed out when it starts, and may sign in again only to get their
 * money out: their balance and statement, their withdrawals, the identity verification a withdrawal needs, their
 * profile, their responsible-gambling page and a longer self-exclusion ({@link #WITHDRAWAL_ONLY_PATTERNS}). Every other call is refused with
 * {@code timed_out} or {@code self_excluded}; regulators expect an excluded player to be able to withdraw their balance.
 */
class AccountStatusFilter extends OncePerRequestFilter {

    static final String SESSION_ENDED = "session_ended";

    /** What an excluded player may still call: method (null: any) and path pattern. */
    private record Allowed(String method, String pattern) {
    }

    static final List<String> WITHDRAWAL_ONLY_PATTERNS = List.of("GET /api/v1/players/me", "POST /api/v1/players/me/logout",
            "GET /api/v1/wallet/**", "* /api/v1/wallet/withdrawals", "* /api/v1/wallet/withdrawals/*",
            "* /api/v1/kyc", "* /api/v1/kyc/documents", "* /api/v1/kyc/submission",
            "GET /api/v1/responsible-gambling", "GET /api/v1/responsible-gambling/**",
            // a player on a time-out may still exclude themselves for longer
            "POST /api/v1/responsible-gambling/self-exclusion");

    private static final List<Allowed> WITHDRAWAL_ONLY = WITHDRAWAL_ONLY_PATTERNS.stream().map(line -> {
        String[] parts = line.split(" ", 2);
        return new Allowed("*".equals(parts[0]) ? null : parts[0], parts[1]);
    }).toList();

    private static final AntPathMatcher PATHS = new AntPathMatcher();

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
                if (status.mayStillWithdraw() && withdrawalOnly(request)) {
                    chain.doFilter(request, response);
                    return;
                }
                PlayerRestrictions.Exclusion exclusion = admission.get().exclusion();
                ProblemWriter.write(response, 403, status.refusalCode(), exclusion != null
                        ? exclusion.detail() + " Until then you may only withdraw your balance."
                        : "This account cannot be used at the moment (" + status.wireName().replace('_', ' ') + ").");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean withdrawalOnly(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return WITHDRAWAL_ONLY.stream().anyMatch(allowed -> (allowed.method() == null || allowed.method().equals(request.getMethod()))
                && PATHS.match(allowed.pattern(), path));
    }
}
