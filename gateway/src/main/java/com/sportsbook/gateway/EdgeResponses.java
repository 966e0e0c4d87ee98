package com.sportsbook.gateway;

import com.sportsbook.commons.ProblemJson;
import com.sportsbook.commons.web.RefusalPage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The answers the edge gives itself: a problem detail for API clients, a plain page for browsers.
 *
 * <p>Each is written from a worker thread, never within the request's dispatch. Reactor Netty (1.3.6, still in
 * 1.3.8) stops reading a keep-alive connection when a request that arrived before the previous exchange on it had
 * finished (a proxied answer, written from another event loop) is answered synchronously while it is dispatched:
 * nothing re-arms the read, and the client waits for an answer to its next request until it gives up
 * (reactor-netty issues 4347 and 4361). Proxied answers are written asynchronously already; so are these.
 * {@code EdgeAnswersOnKeepAliveConnectionsIT} shows the hang with a synchronous write.
 */
final class EdgeResponses {

    private EdgeResponses() {
    }

    static Mono<Void> write(ServerWebExchange exchange, EdgeDecision.Refuse refuse) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(refuse.status()));
        response.getHeaders().setCacheControl("no-store");
        if (refuse.status() == 503) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "120");
        }
        boolean browser = wantsHtml(exchange.getRequest().getHeaders().getAccept());
        String body;
        if (browser) {
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            body = page(refuse);
        } else {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            body = problem(refuse);
        }
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer).publishOn(Schedulers.parallel()));
    }

    private static boolean wantsHtml(List<MediaType> accept) {
        return accept.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    static String problem(EdgeDecision.Refuse refuse) {
        return ProblemJson.render(refuse.status(), refuse.title(), refuse.detail(), refuse.code());
    }

    static String page(EdgeDecision.Refuse refuse) {
        String heading = refuse.brandName() == null ? refuse.title() : refuse.brandName();
        return RefusalPage.render(heading, refuse.title(), refuse.detail(), refuse.code());
    }
}
