package com.sportsbook.runtime.compliance.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The compliance console's address on a brand's host, {@code /backoffice/compliance/}: static files (like the
 * skin's), but a directory address is not a file, so it is forwarded to the page. The console's modules are
 * addressed relative to it, hence the redirect to the trailing slash.
 */
@Configuration
class ComplianceConsolePages implements WebMvcConfigurer {

    static final String HOME = "/backoffice/compliance/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/backoffice/compliance", HOME);
        registry.addViewController(HOME).setViewName("forward:" + HOME + "index.html");
    }
}
