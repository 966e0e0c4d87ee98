package com.sportsbook.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;

class OneCopyOfRequestHeadersTest {

    @Test
    void springCloudGatewaysThreeRequestHeaderFiltersAreTakenOutAndNothingElse() {
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        OneCopyOfRequestHeaders.FOLDED.forEach(name -> registry.registerBeanDefinition(name,
                new RootBeanDefinition(RemoveHopByHopHeadersFilter.class)));
        registry.registerBeanDefinition("hopByHopResponseHeaders", new RootBeanDefinition(HopByHopResponseHeaders.class));

        new OneCopyOfRequestHeaders().postProcessBeanDefinitionRegistry(registry);

        assertThat(registry.getBeanDefinitionNames()).containsExactly("hopByHopResponseHeaders");
    }

    @Test
    void theStartFailsWhenOneOfThemIsNotWhereExpected() {
        DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
        registry.registerBeanDefinition("removeHopByHopHeadersFilter", new RootBeanDefinition(RemoveHopByHopHeadersFilter.class));
        // as with trusted proxies configured: Spring Cloud Gateway then defines XForwardedHeadersFilter instead
        registry.registerBeanDefinition("removeForwardedHeadersFilter", new RootBeanDefinition(RemoveHopByHopHeadersFilter.class));

        assertThatThrownBy(() -> new OneCopyOfRequestHeaders().postProcessBeanDefinitionRegistry(registry))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("removeXForwardedHeadersFilter");
    }

    @Test
    void hopByHopHeadersOfTheBackendsAnswersAreStillRemovedButRequestsAreNotCopiedForIt() {
        HopByHopResponseHeaders filter = new HopByHopResponseHeaders();

        assertThat(filter.supports(HttpHeadersFilter.Type.RESPONSE)).isTrue();
        assertThat(filter.supports(HttpHeadersFilter.Type.REQUEST)).isFalse();
    }
}
