package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.web.InternalTokenFilter;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration
class MultiTenancyConfiguration {

    /**
     * The pool Boot configures (spring.datasource.*), as every bean sees it: connections handed out with the bound
     * tenant's search_path ({@link TenantBoundDataSource}).
     */
    @Bean
    static BeanPostProcessor tenantBoundPool() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool ? new TenantBoundDataSource(pool) : bean;
            }
        };
    }

    @Bean
    MeterBinder searchPathChanges(DataSource dataSource) {
        TenantBoundDataSource pool = TenantBoundDataSource.of(dataSource);
        return registry -> FunctionCounter.builder("runtime.tenancy.search.path.changes", pool, TenantBoundDataSource::pathChanges)
                .description("Times a pooled connection was pointed at another tenant's schema (or at none)")
                .register(registry);
    }

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(DataSource dataSource) {
        return properties -> {
            properties.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                    new SchemaPerTenantConnectionProvider(TenantBoundDataSource.of(dataSource)));
            properties.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new BoundTenantIdentifierResolver());
        };
    }

    /** Boot's JPA transaction manager, whose commits carry the writes that ride with them ({@link CommitRidingTransactionManager}). */
    @Bean
    PlatformTransactionManager transactionManager() {
        return new CommitRidingTransactionManager();
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
