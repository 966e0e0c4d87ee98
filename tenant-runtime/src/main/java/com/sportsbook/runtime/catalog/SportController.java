package com.sportsbook.runtime.catalog;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SportController {

    private final SportRepository sports;

    SportController(SportRepository sports) {
        this.sports = sports;
    }

    record SportResponse(String key, String name) {
    }

    @GetMapping("/api/v1/sports")
    @Operation(summary = "The sports the tenant offers")
    @Transactional(readOnly = true)
    List<SportResponse> sports() {
        return sports.findByActiveTrueOrderByDisplayOrder().stream()
                .map(sport -> new SportResponse(sport.key(), sport.name()))
                .toList();
    }
}
