package com.sportsbook.controlplane;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ControlPlaneApplication {

    public static void main(String[] args) {
        EmbeddedDatabase.startIfRequested();
        SpringApplication.run(ControlPlaneApplication.class, args);
    }
}
