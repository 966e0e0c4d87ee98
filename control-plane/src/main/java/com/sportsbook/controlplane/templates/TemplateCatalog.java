package com.sportsbook.controlplane.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The brand themes and jurisdiction rule packs shipped in {@code tenant-templates/}. Loaded once at start; a pack
 * that is not valid against {@code rule-pack.schema.json}, or a theme that does not parse, stops the control plane
 * rather than letting a tenant adopt a broken rule.
 */
@Component
public class TemplateCatalog {

    private static final Logger log = LoggerFactory.getLogger(TemplateCatalog.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Map<String, JurisdictionPack> jurisdictions;
    private final Map<String, Map<String, Object>> themes;

    static final String SCHEMA = "tenant-templates/jurisdictions/rule-pack.schema.json";

    TemplateCatalog(JsonMapper json) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        RulePackLoader packs = new RulePackLoader(json, text(resolver.getResource("classpath:" + SCHEMA)));
        this.jurisdictions = new TreeMap<>();
        for (Resource resource : resources(resolver, "classpath*:tenant-templates/jurisdictions/*.json")) {
            String file = resource.getFilename();
            if (file == null || file.endsWith(".schema.json")) {
                continue;
            }
            JurisdictionPack parsed = packs.load(file, text(resource));
            jurisdictions.put(parsed.code(), parsed);
        }
        this.themes = new TreeMap<>();
        for (Resource resource : resources(resolver, "classpath*:tenant-templates/themes/*/theme.json")) {
            Map<String, Object> theme = read(json, resource);
            Object name = theme.get("name");
            if (!(name instanceof String themeName) || themeName.isBlank()) {
                throw new IllegalStateException("theme without a name: " + resource);
            }
            themes.put(themeName, Map.copyOf(theme));
        }
        log.info("tenant templates: jurisdictions {} and themes {}", jurisdictions.keySet(), themes.keySet());
    }

    public Set<String> jurisdictionCodes() {
        return jurisdictions.keySet();
    }

    public Optional<JurisdictionPack> jurisdiction(String code) {
        return Optional.ofNullable(jurisdictions.get(code));
    }

    public Optional<Map<String, Object>> theme(String name) {
        return Optional.ofNullable(themes.get(name));
    }

    public Set<String> themeNames() {
        return themes.keySet();
    }

    private static Resource[] resources(PathMatchingResourcePatternResolver resolver, String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + pattern, e);
        }
    }

    static String text(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read template " + resource, e);
        }
    }

    private static Map<String, Object> read(JsonMapper json, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read template " + resource, e);
        }
    }
}
