package com.sportsbook.controlplane.tenants;

/** The {@code code} values of problem details about a brand's logo. */
final class BrandCodes {

    static final String LOGO_TOO_LARGE = "logo_too_large";
    static final String LOGO_NOT_AN_IMAGE = "logo_not_an_image";

    private BrandCodes() {
    }
}
