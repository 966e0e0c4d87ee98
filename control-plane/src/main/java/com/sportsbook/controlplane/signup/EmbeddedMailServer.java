package com.sportsbook.controlplane.signup;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded mode's SMTP server (GreenMail) inside the control plane: the platform sends real mail over SMTP to it,
 * and {@code /dev/mailbox} shows what arrived, so a developer can follow a verification link without a mail relay.
 */
final class EmbeddedMailServer implements DisposableBean {

    record Received(String to, String subject, String text, List<String> links) {
    }

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    private final GreenMail greenMail;

    /** @param port the SMTP port, or 0 for any free one ({@link #port()} tells which) */
    EmbeddedMailServer(String host, int port) {
        ServerSetup setup = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        greenMail.start();
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    List<Received> received() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(EmbeddedMailServer::read).toList().reversed();
    }

    private static Received read(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getAllRecipients()).map(Address::toString).reduce((a, b) -> a + ", " + b).orElse("");
            String body = plainText(message);
            Matcher matcher = LINK.matcher(body);
            List<String> links = matcher.results().map(java.util.regex.MatchResult::group).distinct().toList();
            return new Received(to, message.getSubject(), body, links);
        } catch (MessagingException | java.io.IOException e) {
            return new Received("?", "(unreadable: " + e.getMessage() + ")", "", List.of());
        }
    }

    /** The decoded text/plain part (the first one found), or the raw body of a message without one. */
    static String plainText(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
            return "";
        }
        return part instanceof MimeMessage ? GreenMailUtil.getBody(part) : "";
    }

    @Override
    public void destroy() {
        greenMail.stop();
    }
}
