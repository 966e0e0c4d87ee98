package com.sportsbook.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class PlainBearerTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwbGF5ZXIifQ.c2lnbmF0dXJlLWJ5dGVz_-";

    private final PlainBearerTokens resolver = new PlainBearerTokens();
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void aBearerTokenIsReadInAnyCaseOfTheScheme() {
        assertThat(resolver.resolve(request("Bearer " + JWT))).isEqualTo(JWT);
        assertThat(resolver.resolve(request("bearer " + JWT))).isEqualTo(JWT);
        assertThat(resolver.resolve(request("BEARER " + JWT + "=="))).isEqualTo(JWT + "==");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
        assertThat(resolver.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(resolver.resolve(request("DPoP " + JWT))).isNull();
    }

    @Test
    void aMalformedBearerTokenIsRefusedAsInvalid() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer  " + JWT, "Bearer " + JWT + " extra",
                "Bearer abc%def", "Bearer ===", "Bearer a=b", "Bearertoken"}) {
            assertThatThrownBy(() -> resolver.resolve(request(header))).as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode()).isEqualTo("invalid_token"));
        }
    }

    @Test
    void answersAsSpringSecuritysDefaultResolverDoes() {
        for (String header : new String[] {"Bearer " + JWT, "bearer " + JWT, "Bearer abc==", "Basic x", "Bearer a b",
                "Bearer", "Bearer =", "Bearer a~+/.-_9Z"}) {
            Object ours = outcome(() -> resolver.resolve(request(header)));
            Object theirs = outcome(() -> spring.resolve(request(header)));
            assertThat(ours).as(header).isEqualTo(theirs);
        }
    }

    private static Object outcome(java.util.function.Supplier<String> resolve) {
        try {
            return String.valueOf(resolve.get());
        } catch (OAuth2AuthenticationException e) {
            return e.getError().getErrorCode();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", authorization);
        return request;
    }
}
