package com.sportsbook.controlplane.provisioning;

import com.sportsbook.controlplane.tenants.TenantRegistration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/v1/tenants}: an operator, the tenant slug and the first brand. */
record CreateTenantRequest(
        @NotBlank @Size(max = 40) String slug,
        @NotNull @Valid Operator operator,
        @NotNull @Valid Brand brand) {

    record Operator(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String contactEmail) {
    }

    record Brand(
            @Size(max = 40) String slug,
            @NotBlank @Size(max = 100) String name,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 253) String> hosts,
            @Size(max = 40) String theme,
            @NotBlank @Size(min = 3, max = 3) String defaultCurrency,
            @NotEmpty @Size(max = 30) List<@NotBlank String> currencies,
            @NotEmpty @Size(max = 30) List<@NotBlank String> languages,
            @NotEmpty @Size(max = 10) List<@NotBlank String> jurisdictions,
            Branding branding) {
    }

    /** Colours (#rrggbb by role), fonts (names from the catalog by role) and the logo's text over the theme. */
    record Branding(@Size(max = 10) java.util.Map<String, String> colors, @Size(max = 2) java.util.Map<String, String> fonts,
            @Size(max = 40) String logoText) {
    }

    TenantRegistration toRegistration(String operatorAccount) {
        return new TenantRegistration(slug, operator.name(), operator.contactEmail(), operatorAccount, brand.slug(), brand.name(),
                brand.hosts(), brand.theme(), brand.defaultCurrency(), brand.currencies(), brand.languages(),
                brand.jurisdictions(), brand.branding() == null ? null
                        : new com.sportsbook.controlplane.tenants.Branding(brand.branding().colors(), brand.branding().fonts(),
                                brand.branding().logoText()));
    }
}
