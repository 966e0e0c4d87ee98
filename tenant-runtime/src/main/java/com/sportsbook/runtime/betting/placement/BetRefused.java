package com.sportsbook.runtime.betting.placement;

import com.sportsbook.runtime.betting.core.BetRejection;
import java.util.Map;

/** A placement refused: thrown inside the placement's transaction so that nothing of it commits. */
public final class BetRefused extends RuntimeException {

    private final BetRejection reason;
    private final String code;
    private final int status;
    private final transient Map<String, Object> details;

    public BetRefused(BetRejection reason, String detail) {
        this(reason, detail, Map.of());
    }

    public BetRefused(BetRejection reason, String detail, Map<String, Object> details) {
        this(reason, reason.code(), reason.status(), detail, details);
    }

    /** A refusal of the kind {@code reason} with a more specific code and status (the betting gate's). */
    public BetRefused(BetRejection reason, String code, int status, String detail, Map<String, Object> details) {
        super(detail, null, false, false);
        this.reason = reason;
        this.code = code;
        this.status = status;
        this.details = Map.copyOf(details);
    }

    public BetRejection reason() {
        return reason;
    }

    /** The problem detail's code: the reason's, or the gate's more specific one ({@code self_excluded}...). */
    public String code() {
        return code;
    }

    /** The problem detail's HTTP status. */
    public int status() {
        return status;
    }

    /** Extra fields for the problem detail (the current prices, the maximum stake). */
    public Map<String, Object> details() {
        return details;
    }
}
