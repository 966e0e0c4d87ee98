package com.sportsbook.commons.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the container send an API response whole. Spring's message converters flush as soon as they have written a
 * body. That commits the response without a length, so Tomcat sends it chunked: headers and body in one write and
 * the closing chunk in another, both read separately by the gateway. This filter holds those flushes until the
 * handler returns. A body that fits the container's output buffer (8 KiB) then goes out in one write with its
 * Content-Length. A larger one is streamed as the buffer fills, as before. A request for server-sent events is left
 * alone, and once any request has gone asynchronous its flushes go through at once.
 */
public final class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/event-stream")) {
            chain.doFilter(request, response); // a stream from its first byte
            return;
        }
        chain.doFilter(request, new HeldFlushes(request, response));
    }

    /** The filter on the given URL patterns, first of all: every other filter writes to the response it wraps. */
    public static FilterRegistrationBean<WholeResponseFilter> registration(String... urlPatterns) {
        FilterRegistrationBean<WholeResponseFilter> registration = new FilterRegistrationBean<>(new WholeResponseFilter());
        registration.addUrlPatterns(urlPatterns);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** A response whose flushes wait for the end of the request, unless it has gone asynchronous. */
    static final class HeldFlushes extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ServletOutputStream stream;

        HeldFlushes(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private boolean streaming() {
            return request.isAsyncStarted();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (streaming()) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new HeldFlushStream(super.getOutputStream());
            }
            return stream;
        }

        private final class HeldFlushStream extends ServletOutputStream {
            private final ServletOutputStream target;

            HeldFlushStream(ServletOutputStream target) {
                this.target = target;
            }

            @Override
            public void write(int b) throws IOException {
                target.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                target.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                if (streaming()) {
                    target.flush();
                }
            }

            @Override
            public void close() throws IOException {
                target.close();
            }

            @Override
            public boolean isReady() {
                return target.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                target.setWriteListener(listener);
            }
        }
    }
}
