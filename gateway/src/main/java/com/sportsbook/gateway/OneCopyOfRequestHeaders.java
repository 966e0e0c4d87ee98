package com.sportsbook.gateway;

import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Takes Spring Cloud Gateway's three request-header filters out of the context. {@code RemoveHopByHopHeadersFilter},
 * {@code RemoveForwardedHeadersFilter} and {@code RemoveXForwardedHeadersFilter} each copy every proxied request's
 * headers into a new map (together 11.5 % of the gateway's CPU per bet, JFR, issue 6); {@link TrustedContextHeaders}
 * does what they do in the one copy it makes anyway. The hop-by-hop headers of the backends' answers are still removed,
 * by {@link HopByHopResponseHeaders}.
 * <p>
 * The start fails when any of the three is not defined under its expected name: a new version of Spring Cloud Gateway
 * that renamed or replaced one, or trusted proxies configured (the gateway then adds forwarding headers instead of
 * removing them). Either way the edge's headers need a review, not a silent change.
 */
final class OneCopyOfRequestHeaders implements BeanDefinitionRegistryPostProcessor {

    /** The bean names Spring Cloud Gateway 5.0 gives them ({@code GatewayAutoConfiguration}'s methods). */
    static final List<String> FOLDED = List.of("removeHopByHopHeadersFilter", "removeForwardedHeadersFilter",
            "removeXForwardedHeadersFilter");

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : FOLDED) {
            if (!registry.containsBeanDefinition(name)) {
                throw new IllegalStateException("Spring Cloud Gateway defines no '" + name + "' header filter, whose work"
                        + " the gateway's own TrustedContextHeaders does (ADR 0035): a new Spring Cloud Gateway needs a review"
                        + " of what the gateway forwards; a load balancer in front is set with gateway.trusted-proxies,"
                        + " not spring.cloud.gateway.server.webflux.trusted-proxies");
            }
            registry.removeBeanDefinition(name);
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // nothing: the definitions are gone before any bean is made
    }
}
