package com.sportsbook.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WholeResponseFilterTest {

    private final WholeResponseFilter filter = new WholeResponseFilter();

    @Test
    void aHandlersFlushesWaitForTheEndOfTheRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/bets");
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] committedWhileHandling = new boolean[1];

        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                res.getOutputStream().write("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
                res.getOutputStream().flush();
                res.flushBuffer();
                committedWhileHandling[0] = res.isCommitted();
            }
        }));

        assertThat(committedWhileHandling[0]).as("flushes held").isFalse();
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":1}");
    }

    @Test
    void anAsynchronousResponseIsFlushedAtOnce() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/live");
        request.setAsyncSupported(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean[] committedWhileHandling = new boolean[1];

        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                req.startAsync();
                res.getOutputStream().write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                res.getOutputStream().flush();
                committedWhileHandling[0] = res.isCommitted();
            }
        }));

        assertThat(committedWhileHandling[0]).as("an event goes out when written").isTrue();
    }
}
