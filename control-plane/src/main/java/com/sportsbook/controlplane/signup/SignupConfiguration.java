package com.sportsbook.controlplane.signup;

import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration
@EnableConfigurationProperties(SignupSettings.class)
class SignupConfiguration {

    /** The embedded mode's SMTP server; started before the sender is used. Absent when a real relay is configured. */
    @Bean
    EmbeddedMailServerHolder embeddedMailServer(SignupSettings settings) {
        return new EmbeddedMailServerHolder(settings.mailEmbedded()
                ? new EmbeddedMailServer(settings.mailHost(), settings.mailPort()) : null);
    }

    @Bean
    JavaMailSender platformMailSender(SignupSettings settings, EmbeddedMailServerHolder embedded) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.mailHost());
        sender.setPort(embedded.server().map(EmbeddedMailServer::port).orElse(settings.mailPort()));
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        return sender;
    }
}
