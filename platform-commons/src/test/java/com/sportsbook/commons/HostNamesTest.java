package com.sportsbook.commons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

    @ParameterizedTest
    @CsvSource({
            "demo.localhost:8080, demo.localhost",
            "WWW.Acme-Bet.COM, www.acme-bet.com",
            "bet.example.org., bet.example.org"})
    void normalisesHostHeaders(String header, String expected) {
        assertThat(HostNames.normalise(header)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]:8080", "bad_host.com", "-acme.com", "acme..com",
            "<script>.com", "a.b c", ""})
    void refusesNamesThatAreNotBrandHosts(String header) {
        assertThat(HostNames.normalise(header)).isEmpty();
    }
}
