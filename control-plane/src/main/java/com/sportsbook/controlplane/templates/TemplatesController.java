package com.sportsbook.controlplane.templates;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the brand wizard offers: the jurisdiction packs, the theme templates, the font stacks and the currencies. */
@RestController
class TemplatesController {

    record JurisdictionChoice(String code, String name, String regulator, String version, String currency) {
    }

    record CurrencyChoice(String code, String name, int minorUnits) {
    }

    record Choices(List<JurisdictionChoice> jurisdictions, List<Map<String, Object>> themes,
            List<Map<String, String>> fonts, List<CurrencyChoice> currencies) {
    }

    /** The currencies the wizard lists first; any other ISO 4217 code with minor units is accepted too. */
    private static final List<String> COMMON_CURRENCIES = List.of("EUR", "GBP", "USD", "CAD", "SEK", "DKK", "NOK", "CHF",
            "PLN", "CZK", "HUF", "RON", "BGN", "AUD", "NZD", "JPY", "BRL", "MXN", "ZAR", "INR");

    private final TemplateCatalog catalog;

    TemplatesController(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/templates")
    @Operation(summary = "The brand wizard's choices: jurisdictions, themes, fonts and currencies (ISO 4217, minor units)")
    Choices choices() {
        List<JurisdictionChoice> jurisdictions = catalog.jurisdictionCodes().stream()
                .map(code -> catalog.jurisdiction(code).orElseThrow())
                .map(pack -> new JurisdictionChoice(pack.code(), pack.name(), pack.regulator(), pack.version(), pack.currency()))
                .sorted(Comparator.comparing(JurisdictionChoice::name))
                .toList();
        List<Map<String, Object>> themes = catalog.themeNames().stream().map(name -> catalog.theme(name).orElseThrow()).toList();
        List<Map<String, String>> fonts = FontCatalog.names().stream()
                .map(name -> Map.of("name", name, "stack", FontCatalog.stack(name).orElseThrow())).toList();
        List<CurrencyChoice> currencies = COMMON_CURRENCIES.stream().map(Currency::getInstance)
                .map(currency -> new CurrencyChoice(currency.getCurrencyCode(), currency.getDisplayName(Locale.ENGLISH),
                        currency.getDefaultFractionDigits()))
                .toList();
        return new Choices(jurisdictions, themes, fonts, currencies);
    }
}
