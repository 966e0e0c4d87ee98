package com.sportsbook.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RuntimeApplication {

    public static void main(String[] args) {
        // The sandbox PSP delivers webhooks through the gateway with the brand's Host header, as a real PSP calls the
        // brand's domain; the JDK client refuses to set Host unless told so before its first use.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        SpringApplication.run(RuntimeApplication.class, args);
    }
}
