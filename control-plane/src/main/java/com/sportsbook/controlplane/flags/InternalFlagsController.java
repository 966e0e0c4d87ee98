package com.sportsbook.controlplane.flags;

import com.sportsbook.controlplane.flags.core.UnleashShape;
import io.swagger.v3.oas.annotations.Operation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flag snapshot for runtimes (internal token): every flag in Unleash's client-features format, with an ETag. A
 * runtime without Unleash points unleash-client-java at {@code /internal/flags/} as its API URL, so the SDK polls
 * {@code client/features} here exactly as it would poll Unleash; with Unleash, runtimes bootstrap from it at start.
 */
@RestController
class InternalFlagsController {

    private final Flags flags;
    private final JsonMapper json;

    InternalFlagsController(Flags flags, JsonMapper json) {
        this.flags = flags;
        this.json = json;
    }

    @GetMapping(value = {"/internal/flags/snapshot", "/internal/flags/client/features"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every flag in Unleash's client-features format (internal: tenant runtimes)")
    ResponseEntity<?> snapshot(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        byte[] body = json.writeValueAsBytes(UnleashShape.clientFeatures(flags.current()));
        String etag = '"' + sha256(body) + '"';
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
