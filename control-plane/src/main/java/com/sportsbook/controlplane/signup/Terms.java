package com.sportsbook.controlplane.signup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The platform terms an operator accepts at signup: a version and its text, shipped as {@code signup/terms-<version>.md}. */
record Terms(String version, String text) {

    static Terms load(String version) {
        String resource = "/signup/terms-" + version + ".md";
        try (InputStream in = Terms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the terms " + resource + " are not on the class path");
            }
            return new Terms(version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
