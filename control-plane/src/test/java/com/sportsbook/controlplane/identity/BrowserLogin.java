package com.sportsbook.controlplane.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does on the skin's sign-in: the authorization code request with PKCE, Keycloak's login page with
 * its cookies, and the form post. Redirects are not followed, so the test sees where Keycloak sends the browser.
 */
final class BrowserLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private final HttpClient client;
    private final String formAction;
    private final String cookies;

    private BrowserLogin(HttpClient client, String formAction, String cookies) {
        this.client = client;
        this.formAction = formAction;
        this.cookies = cookies;
    }

    static BrowserLogin start(String keycloakUrl, String realm, String redirectUri) throws IOException, InterruptedException {
        // Cookies are carried by hand: java.net.CookieManager refuses host-only cookies of "localhost".
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomToken();
        String authorize = keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/auth?response_type=code&client_id=skin"
                + "&scope=openid&redirect_uri=" + enc(redirectUri) + "&state=" + randomToken()
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form (" + page.statusCode() + "): " + page.body());
        }
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(header -> header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
                .toList());
        return new BrowserLogin(client, action.group(1).replace("&amp;", "&"), cookies);
    }

    HttpResponse<String> submitPassword(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&credentialId=";
        return client.send(HttpRequest.newBuilder(URI.create(formAction))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Follows a redirect within Keycloak, as the browser would. */
    HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        URI next = redirect.uri().resolve(redirect.headers().firstValue("Location").orElseThrow());
        String all = String.join("; ", cookies, String.join("; ", redirect.headers().allValues("Set-Cookie").stream()
                .map(header -> header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
                .toList()));
        return client.send(HttpRequest.newBuilder(next).header("Cookie", all).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
