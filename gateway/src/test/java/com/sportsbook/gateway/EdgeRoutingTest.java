package com.sportsbook.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgeRoutingTest {

    private final EdgeRouting routing = new EdgeRouting(Set.of("platform.localhost"));
    private final Map<String, HostDirectory.HostRoute> hosts = Map.of(
            "acme.localhost", new HostDirectory.HostRoute("acme.localhost", "acme", "Acme Bet", "acme", "active"),
            "paused.localhost", new HostDirectory.HostRoute("paused.localhost", "paused", "Paused <b>Bet</b>", "paused", "suspended"),
            "new.localhost", new HostDirectory.HostRoute("new.localhost", "new", "New Bet", "new", "provisioning"),
            "gone.localhost", new HostDirectory.HostRoute("gone.localhost", "gone", "Gone Bet", "gone", "offboarding"));
    private final HostDirectory.Lookup lookup = host -> Optional.ofNullable(hosts.get(host));

    @Test
    void aBrandHostIsRoutedToTheRuntimeAsItsTenantAndBrand() {
        assertThat(routing.decide("ACME.localhost:8080", "/api/v1/brand", lookup))
                .isEqualTo(new EdgeDecision.ToRuntime("acme", "acme"));
    }

    @Test
    void thePlatformHostIsRoutedToTheControlPlane() {
        assertThat(routing.decide("platform.localhost", "/api/v1/tenants", lookup))
                .isInstanceOf(EdgeDecision.ToControlPlane.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown.localhost", "localhost", "127.0.0.1", "", "evil host"})
    void anUnknownHostIsRefusedWith404(String host) {
        EdgeDecision decision = routing.decide(host, "/api/v1/brand", lookup);

        assertThat(decision).isInstanceOfSatisfying(EdgeDecision.Refuse.class, refuse -> {
            assertThat(refuse.status()).isEqualTo(404);
            assertThat(refuse.code()).isEqualTo("unknown_host");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/v1/routing", "/internal", "/actuator/health", "/actuator"})
    void internalAndOperationalPathsAreNeverRouted(String path) {
        assertThat(routing.decide("acme.localhost", path, lookup)).isInstanceOfSatisfying(EdgeDecision.Refuse.class,
                refuse -> assertThat(refuse.status()).isEqualTo(404));
        assertThat(routing.decide("platform.localhost", path, lookup)).isInstanceOf(EdgeDecision.Refuse.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%69nternal/v1/routing", "//internal/v1/routing", "/api/../internal/v1/routing",
            "/./internal/v1/routing", "/INTERNAL/v1/routing", "/%61ctuator/health", "/api/%2e%2e/actuator/env"})
    void noSpellingOfAnInternalPathIsRouted(String path) {
        assertThat(routing.decide("acme.localhost", path, lookup)).isInstanceOfSatisfying(EdgeDecision.Refuse.class,
                refuse -> assertThat(refuse.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%2569nternal/v1/routing", "/..", "/api/../../etc", "/api;jsessionid=1/v1", "/api%5cv1",
            "/api/%zz", "relative"})
    void pathsWithoutACanonicalFormAreRefusedWith400(String path) {
        assertThat(routing.decide("acme.localhost", path, lookup)).isInstanceOfSatisfying(EdgeDecision.Refuse.class,
                refuse -> assertThat(refuse.status()).isEqualTo(400));
    }

    @Test
    void dotSegmentsThatStayInsideTheApiStillRoute() {
        assertThat(routing.decide("acme.localhost", "/api/v1/./notices/../brand", lookup))
                .isEqualTo(new EdgeDecision.ToRuntime("acme", "acme"));
    }

    @Test
    void aSuspendedTenantAnswers503WithItsBrandName() {
        assertThat(routing.decide("paused.localhost", "/", lookup)).isInstanceOfSatisfying(EdgeDecision.Refuse.class, refuse -> {
            assertThat(refuse.status()).isEqualTo(503);
            assertThat(refuse.code()).isEqualTo("tenant_suspended");
            assertThat(refuse.brandName()).isEqualTo("Paused <b>Bet</b>");
        });
    }

    @Test
    void aTenantStillProvisioningIsNotLiveYet() {
        assertThat(routing.decide("new.localhost", "/api/v1/brand", lookup)).isInstanceOfSatisfying(EdgeDecision.Refuse.class,
                refuse -> assertThat(refuse.code()).isEqualTo("tenant_not_live"));
    }

    @Test
    void anOffboardedTenantsBrandHasClosed() {
        assertThat(routing.decide("gone.localhost", "/api/v1/brand", lookup)).isInstanceOfSatisfying(EdgeDecision.Refuse.class,
                refuse -> {
                    assertThat(refuse.status()).isEqualTo(503);
                    assertThat(refuse.code()).isEqualTo("tenant_closed");
                });
    }

    @Test
    void theSuspensionPageEscapesTheBrandName() {
        EdgeDecision.Refuse refuse = (EdgeDecision.Refuse) routing.decide("paused.localhost", "/", lookup);

        String page = EdgeResponses.page(refuse);

        assertThat(page).contains("Paused &lt;b&gt;Bet&lt;/b&gt;").doesNotContain("<b>Bet</b>");
    }
}
