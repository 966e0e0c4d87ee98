package com.sportsbook.commons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemJsonTest {

    @Test
    void aProblemIsValidJsonWithTheStableTypeAndCode() {
        JsonNode problem = JsonMapper.builder().build().readTree(
                ProblemJson.render(503, "Temporarily unavailable", "Try \"later\"\nplease", "tenant_suspended"));

        assertThat(problem.get("type").asString()).isEqualTo("https://docs.sportsbook.example/problems/tenant-suspended");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).isEqualTo("Try \"later\"\nplease");
        assertThat(problem.get("code").asString()).isEqualTo("tenant_suspended");
    }

    @Test
    void markupInADetailStaysInertText() {
        String json = ProblemJson.render(404, "Not Found", "<script>alert(1)</script>", "not_found");

        assertThat(json).doesNotContain("<script>");
        assertThat(JsonMapper.builder().build().readTree(json).get("detail").asString()).isEqualTo("<script>alert(1)</script>");
    }
}
