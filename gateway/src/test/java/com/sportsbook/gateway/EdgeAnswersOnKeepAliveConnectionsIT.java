package com.sportsbook.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway's own answers (refusals at the edge) on a keep-alive connection that has just carried a proxied
 * exchange or another asynchronous one: each is answered. Written synchronously, about one in seven hundred such
 * answers was never sent and the client waited until it gave up (see {@link EdgeResponses}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeAnswersOnKeepAliveConnectionsIT {

    private static final int ROUNDS = 1_500;
    private static final DisposableServer BACKEND = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> response.header("Content-Type", "application/json").sendString(Mono.just("{}")))
            .bindNow(Duration.ofSeconds(10));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OneLocalBackend.register(registry, BACKEND.port());
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.disposeNow();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int get(String host, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Host", host)
                .timeout(Duration.ofSeconds(5)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anEdgeRefusalRightAfterAProxiedOrAsynchronousAnswerOnTheSameConnectionIsAnswered() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // proxied to the control plane, then refused at once (never routed), on the client's one connection
            assertThat(get("platform.localhost", "/portal/x")).as("proxied, round %d", round).isEqualTo(200);
            assertThat(get("platform.localhost", "/internal/routing")).as("refused after a proxied answer, round %d", round)
                    .isEqualTo(404);
            // refused after a read of the routing directory (asynchronous), then refused at once
            assertThat(get("nobody.localhost", "/api/v1/brand")).as("unknown host, round %d", round).isEqualTo(404);
            assertThat(get("platform.localhost", "/actuator/health")).as("refused after an asynchronous refusal, round %d", round)
                    .isEqualTo(404);
        }
    }

    @Test
    void noLoggingTurboFilterSitsInTheWayOfTheProxysDebugChecks() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

        assertThat(logging.getTurboFilterList()).as("turbo filters run on every isDebugEnabled() of Netty and Reactor")
                .isEmpty();
        assertThat(LoggerFactory.getLogger("reactor.netty").isDebugEnabled()).isFalse();
    }

    @Test
    void proxiedHeadersPassNoGrpcHeaderFilter() {
        assertThat(context.getBeansOfType(HttpHeadersFilter.class).values())
                .as("each header filter copies every proxied request's or response's headers; no route here is gRPC")
                .extracting(filter -> filter.getClass().getSimpleName())
                .isNotEmpty()
                .noneMatch(name -> name.startsWith("GRPC"));
    }
}
