package com.sportsbook.gateway;

import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;

/**
 * Spring Cloud Gateway's hop-by-hop filter on the backends' answers only: on requests its work is done by
 * {@link TrustedContextHeaders}, in the one copy of the headers the gateway makes ({@link OneCopyOfRequestHeaders}).
 */
final class HopByHopResponseHeaders extends RemoveHopByHopHeadersFilter {

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}
