package com.sportsbook.runtime.features;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which gated features this brand offers now, for the skin (it hides what is off; the API refuses it anyway). */
@RestController
class FeaturesController {

    private final Features features;

    FeaturesController(Features features) {
        this.features = features;
    }

    @GetMapping("/api/v1/features")
    @Operation(summary = "The brand's gated features by flag key (cash-out, system-bets): on or off for this brand now")
    ResponseEntity<Map<String, Boolean>> features() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(features.forBoundBrand());
    }
}
