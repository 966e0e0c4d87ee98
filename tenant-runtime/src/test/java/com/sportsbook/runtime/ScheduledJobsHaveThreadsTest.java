package com.sportsbook.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;

/**
 * The runtime runs on platform threads (ADR 0028), where Spring's scheduler has a fixed pool: with fewer threads than
 * periodic jobs, a long settlement run would hold back the in-play bet delays, receipts and audit jobs.
 */
class ScheduledJobsHaveThreadsTest {

    @Test
    void theSchedulerHasAThreadForEveryPeriodicJob() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties settings = yaml.getObject();
        environment.getPropertySources().addLast(new PropertiesPropertySource("application.yaml", settings));

        assertThat(environment.getProperty("spring.threads.virtual.enabled", Boolean.class)).isFalse();
        int threads = environment.getRequiredProperty("spring.task.scheduling.pool.size", Integer.class);
        List<String> jobs = scheduledMethods();
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(9);
        assertThat(threads).as("scheduler threads for %s", jobs).isGreaterThanOrEqualTo(jobs.size());
    }

    private static List<String> scheduledMethods() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        TypeFilter any = (reader, factory) -> true;
        scanner.addIncludeFilter(any);
        List<String> jobs = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("com.sportsbook.runtime")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ScheduledJobsHaveThreadsTest.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.findMergedRepeatableAnnotations(method, Scheduled.class).isEmpty()) {
                    jobs.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        return jobs;
    }
}
