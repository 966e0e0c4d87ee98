package com.sportsbook.gateway;

/** What the edge does with a request, decided from its host and path alone. */
sealed interface EdgeDecision {

    /** Forward to the tenant runtime as this tenant and brand. */
    record ToRuntime(String tenant, String brand) implements EdgeDecision {
    }

    /** Forward to the control plane (portal, platform console, public API). */
    record ToControlPlane() implements EdgeDecision {
    }

    /** Answer here; no backend sees the request. */
    record Refuse(int status, String code, String title, String detail, String brandName) implements EdgeDecision {
    }
}
