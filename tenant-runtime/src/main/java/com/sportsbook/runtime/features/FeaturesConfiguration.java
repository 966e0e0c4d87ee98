package com.sportsbook.runtime.features;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.metric.ClientMetrics;
import io.getunleash.metric.ClientRegistration;
import io.getunleash.metric.MetricSender;
import io.getunleash.util.UnleashConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Unleash SDK client per runtime. With {@code UNLEASH_URL} it polls Unleash with the client token and bootstraps
 * from the control plane's snapshot, so a runtime that starts while Unleash is away still has the control plane's
 * flags; without it, the SDK's API URL is the control plane's {@code /internal/flags/}, which serves the same
 * client-features document (and takes no metrics, so none are sent).
 */
@Configuration
class FeaturesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FeaturesConfiguration.class);

    /** One backup file per process: runtimes of other platforms on this machine (tests) hold other flags. */
    private static java.io.File backupFile(FeaturesSettings settings) {
        return new java.io.File(System.getProperty("java.io.tmpdir"),
                "unleash-" + settings.appName() + "-" + ProcessHandle.current().pid() + ".json");
    }

    /** Stops the SDK's polling and removes this process's backup file when the runtime stops. */
    @Bean
    org.springframework.beans.factory.DisposableBean unleashShutdown(Unleash unleash, FeaturesSettings settings) {
        return () -> {
            unleash.shutdown();
            java.nio.file.Files.deleteIfExists(backupFile(settings).toPath());
        };
    }

    @Bean(destroyMethod = "")
    Unleash unleash(FeaturesSettings settings) {
        java.io.File backup = backupFile(settings);
        backup.deleteOnExit();
        UnleashConfig.Builder config = UnleashConfig.builder()
                .appName(settings.appName())
                .instanceId(settings.appName() + "-" + ProcessHandle.current().pid())
                .unleashAPI(settings.apiUrl())
                .fetchTogglesInterval(Math.max(1, settings.fetchInterval().toSeconds()))
                .fetchTogglesConnectTimeout(Duration.ofSeconds(2))
                .fetchTogglesReadTimeout(Duration.ofSeconds(5))
                .synchronousFetchOnInitialisation(true)
                .startupExceptionHandler(e -> log.warn("feature flags not read at start from {} ({}); features answer their defaults until they are",
                        settings.apiUrl(), e.getMessage()))
                .backupFile(backup.getAbsolutePath());
        if (settings.usesUnleash()) {
            config.customHttpHeader("Authorization", settings.clientToken())
                    .toggleBootstrapProvider(() -> snapshot(settings));
        } else {
            config.customHttpHeader(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken())
                    .disableMetrics()
                    .metricsSenderFactory(unused -> new MetricSender() {
                        @Override
                        public int registerClient(ClientRegistration registration) {
                            return 202;
                        }

                        @Override
                        public int sendMetrics(ClientMetrics metrics) {
                            return 202;
                        }
                    });
        }
        log.info("feature flags from {} every {}", settings.usesUnleash() ? "Unleash at " + settings.apiUrl()
                : "the control plane's snapshot at " + settings.apiUrl(), settings.fetchInterval());
        return new DefaultUnleash(config.build());
    }

    @Bean
    Features features(Unleash unleash, TenantDirectory directory) {
        return new UnleashFeatures(unleash, directory);
    }

    /** The control plane's flags, for the SDK's bootstrap: what it evaluates until Unleash first answers. */
    private static Optional<String> snapshot(FeaturesSettings settings) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                            settings.controlPlaneUrl().toString().replaceAll("/+$", "") + "/internal/flags/snapshot"))
                    .header(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (java.io.IOException e) {
            log.warn("no flag snapshot from the control plane to bootstrap from: {}", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
