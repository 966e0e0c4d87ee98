package com.sportsbook.controlplane.tenants;

import java.util.UUID;

/** A brand got a new logo image (already checked: a PNG or JPEG within the limits). */
public record BrandLogoUploaded(UUID tenantId, String tenant, String brand, String contentType, int width, int height,
        int bytes, String version, PlatformActor actor) {
}
