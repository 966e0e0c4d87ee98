package com.sportsbook.controlplane.signup;

import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;

/** The embedded SMTP server when the control plane runs one, else nothing. */
final class EmbeddedMailServerHolder implements DisposableBean {

    private final EmbeddedMailServer server;

    EmbeddedMailServerHolder(EmbeddedMailServer server) {
        this.server = server;
    }

    Optional<EmbeddedMailServer> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public void destroy() {
        if (server != null) {
            server.destroy();
        }
    }
}
