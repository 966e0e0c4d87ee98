package com.sportsbook.commons;

import java.util.Optional;

/**
 * What a brand's visitors are told when its tenant does not serve traffic, the same at the edge and in the runtime
 * (whichever learns of the change first answers): the problem code, a title and the message.
 */
public record TenantUnavailable(String code, String title, String detail) {

    public static Optional<TenantUnavailable> of(TenantStatus status) {
        if (status.servesTraffic()) {
            return Optional.empty();
        }
        return Optional.of(switch (status) {
            case SUSPENDED -> new TenantUnavailable(ErrorCodes.TENANT_SUSPENDED, "Temporarily unavailable",
                    "This site is temporarily unavailable. Your account and balance are safe; please try again later.");
            case OFFBOARDING, ARCHIVED -> new TenantUnavailable(ErrorCodes.TENANT_CLOSED, "Closed",
                    "This site has closed. To withdraw remaining funds, contact the operator.");
            default -> new TenantUnavailable(ErrorCodes.TENANT_NOT_LIVE, "Not open yet", "This site is not open yet.");
        });
    }
}
