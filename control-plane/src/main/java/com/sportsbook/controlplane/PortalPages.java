package com.sportsbook.controlplane;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The platform host's pages: the operator portal at {@code /portal/}, the platform console at {@code /console/}. */
@Configuration
class PortalPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/portal/");
        registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
        registry.addRedirectViewController("/console", "/console/");
    }
}
