package com.sportsbook.runtime.betting.placement;

import com.sportsbook.runtime.betting.core.BetRejection;
import java.util.Map;

/** A placement refused: thrown inside the placement's transaction so that nothing of it commits. */
public final class BetRefused extends RuntimeException {

    private final BetRejection reason;
    private final transient Map<String, Object> details;

    public BetRefused(BetRejection reason, String detail) {
        this(reason, detail, Map.of());
    }

    public BetRefused(BetRejection reason, String detail, Map<String, Object> details) {
        super(detail, null, false, false);
        this.reason = reason;
        this.details = Map.copyOf(details);
    }

    public BetRejection reason() {
        return reason;
    }

    /** Extra fields for the problem detail (the current prices, the maximum stake). */
    public Map<String, Object> details() {
        return details;
    }
}
