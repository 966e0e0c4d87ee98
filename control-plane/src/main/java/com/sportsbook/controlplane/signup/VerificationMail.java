package com.sportsbook.controlplane.signup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The mail that asks a new operator to confirm the address: plain text and HTML, one link into the portal. */
@Component
class VerificationMail {

    private final JavaMailSender sender;
    private final SignupSettings settings;

    VerificationMail(JavaMailSender sender, SignupSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    static URI link(URI portal, String token) {
        String base = portal.toString().endsWith("/") ? portal.toString() : portal + "/";
        return URI.create(base + "#/verify?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** @throws MailException when the SMTP server cannot take it */
    void send(String to, String firstName, String token) {
        URI link = link(settings.portalUrl(), token);
        long hours = settings.verificationLifetime().toHours();
        String text = "Hello " + firstName + ",\n\nplease confirm your e-mail address to open your operator account:\n\n"
                + link + "\n\nThe link is good for " + hours + " hours. If you did not sign up, ignore this mail.\n";
        String html = "<p>Hello " + HtmlUtils.htmlEscape(firstName) + ",</p><p>please confirm your e-mail address to open"
                + " your operator account:</p><p><a href=\"" + HtmlUtils.htmlEscape(link.toString()) + "\">Confirm my"
                + " e-mail address</a></p><p>The link is good for " + hours + " hours.</p>";
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.mailFrom());
            helper.setTo(to);
            helper.setSubject("Confirm your e-mail address");
            helper.setText(text, html);
            sender.send(message);
        } catch (MessagingException e) {
            throw new org.springframework.mail.MailPreparationException(e);
        }
    }
}
