package com.sportsbook.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme-bet", "bet365x", "a1b"})
    void acceptsLowerCaseSlugsWithSingleHyphens(String slug) {
        assertThat(TenantSlug.isValid(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "Acme", "1acme", "acme-", "-acme", "acme--bet", "acme_bet", "acme bet",
            "acme\"; drop schema public; --", "platform", "internal", "public", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void refusesAnythingThatCouldEscapeTheSchemaName(String slug) {
        assertThat(TenantSlug.isValid(slug)).isFalse();
        assertThatThrownBy(() -> new TenantSlug(slug)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesAQuotedSchemaNameFromTheSlug() {
        TenantSchema schema = new TenantSlug("acme-bet").schema();

        assertThat(schema.name()).isEqualTo("tenant_acme_bet");
        assertThat(schema.quoted()).isEqualTo("\"tenant_acme_bet\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "tenant_", "tenant_A", "tenant_a;drop", "tenant_a\"b", "pg_catalog", "tenant_a__b"})
    void schemaNamesOutsideTheAllowListAreRefused(String name) {
        assertThatThrownBy(() -> new TenantSchema(name)).isInstanceOf(IllegalArgumentException.class);
    }
}
