package com.sportsbook.commons.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WholeResponseFilterTest {

    private final WholeResponseFilter filter = new WholeResponseFilter();

    @Test
    void aHandlersFlushesWaitForTheEndOfTheRequest() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        boolean committed = committedWhileHandling(new MockHttpServletRequest("POST", "/api/v1/bets"), response, false);

        assertThat(committed).as("flushes held").isFalse();
        assertThat(response.getContentAsString()).isEqualTo("{\"id\":1}");
    }

    @Test
    void anAsynchronousResponseIsFlushedAtOnce() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/live");
        request.setAsyncSupported(true);

        assertThat(committedWhileHandling(request, new MockHttpServletResponse(), true)).isTrue();
    }

    @Test
    void aRequestForAnEventStreamIsLeftAlone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/live");
        request.addHeader("Accept", "text/event-stream");

        assertThat(committedWhileHandling(request, new MockHttpServletResponse(), false)).isTrue();
    }

    /** Runs a handler that writes a body and flushes it (going asynchronous first, if asked): committed by then? */
    private boolean committedWhileHandling(MockHttpServletRequest request, MockHttpServletResponse response, boolean async)
            throws Exception {
        boolean[] committed = new boolean[1];
        filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                if (async) {
                    req.startAsync();
                }
                res.getOutputStream().write("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
                res.getOutputStream().flush();
                res.flushBuffer();
                committed[0] = res.isCommitted();
            }
        }));
        return committed[0];
    }
}
