package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.web.InternalTokenFilter;
import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class MultiTenancyConfiguration {

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource) {
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER, new SchemaPerTenantConnectionProvider(dataSource));
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new BoundTenantIdentifierResolver());
        };
    }

    @Bean
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(TenancySettings settings) {
        return InternalTokenFilter.registration(settings.internalToken());
    }

    @Bean
    FilterRegistrationBean<GatewayTenantFilter> gatewayTenantFilter(TenancySettings settings, TenantDirectory directory) {
        TenantContextSignature signature =
                new TenantContextSignature(settings.gatewaySigningSecret(), settings.contextMaxAge());
        FilterRegistrationBean<GatewayTenantFilter> registration =
                new FilterRegistrationBean<>(new GatewayTenantFilter(signature, directory, java.time.Clock.systemUTC()));
        // the API, the player skin's and the staff consoles' pages: all are served per brand
        registration.addUrlPatterns("/api/*", "/", "/index.html", "/skin/*", "/backoffice/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
