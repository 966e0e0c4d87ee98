package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TrustedHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * Brands' logo images, fetched from the control plane the first time a version is asked for and kept in memory by
 * brand and version (the version is the image's hash, carried in the theme's {@code logo.imageUrl}), so a new logo
 * shows as soon as the directory carries its version, and an unchanged one costs nothing.
 */
@Component
class BrandLogos {

    record Logo(String contentType, byte[] image, String version) {
    }

    private final RestClient http;
    private final Map<String, Logo> cache = new ConcurrentHashMap<>();

    BrandLogos(RestClient.Builder builder, TenancySettings settings) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = builder.clone()
                .baseUrl(settings.controlPlaneUrl().toString())
                .requestFactory(requests)
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken())
                .build();
    }

    /** The brand's logo at {@code version} (the current one when null); empty when the brand has none. */
    Optional<Logo> logo(String brand, String version) {
        Logo cached = cache.get(brand);
        if (cached != null && (version == null || cached.version().equals(version))) {
            return Optional.of(cached);
        }
        try {
            ResponseEntity<byte[]> response = http.get().uri("/internal/v1/brands/{brand}/logo", brand)
                    .retrieve().toEntity(byte[].class);
            String etag = response.getHeaders().getETag();
            String fetchedVersion = etag == null ? "" : etag.replace("\"", "").replace("W/", "");
            String type = response.getHeaders().getContentType() == null ? "image/png"
                    : response.getHeaders().getContentType().toString();
            Logo logo = new Logo(type, response.getBody(), fetchedVersion);
            cache.put(brand, logo);
            return Optional.of(logo);
        } catch (HttpClientErrorException.NotFound none) {
            cache.remove(brand);
            return Optional.empty();
        }
    }
}
