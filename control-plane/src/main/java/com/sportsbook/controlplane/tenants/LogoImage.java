package com.sportsbook.controlplane.tenants;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether uploaded bytes are a logo a skin may show: PNG or JPEG by their own signature (whatever the
 * request claims), at most 256 KiB and 2048 x 2048 pixels, and decodable. SVG is refused: it can carry script.
 * The size is read from the header before any pixel is decoded, so a decompression bomb is refused cheaply. Pure.
 */
final class LogoImage {

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_SIDE = 2048;

    sealed interface Verdict {
        record Accepted(String contentType, int width, int height) implements Verdict {
        }

        record TooLarge(int bytes) implements Verdict {
        }

        record NotAnImage(String reason) implements Verdict {
        }
    }

    private LogoImage() {
    }

    static Verdict check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new Verdict.NotAnImage("the upload is empty");
        }
        if (bytes.length > MAX_BYTES) {
            return new Verdict.TooLarge(bytes.length);
        }
        String type = sniff(bytes);
        if (type == null) {
            return new Verdict.NotAnImage("only PNG and JPEG images are accepted");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new Verdict.NotAnImage("the image cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
                    return new Verdict.NotAnImage("the image must be at most " + MAX_SIDE + " x " + MAX_SIDE + " pixels");
                }
                if (reader.read(0) == null) {
                    return new Verdict.NotAnImage("the image cannot be decoded");
                }
                return new Verdict.Accepted(type, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new Verdict.NotAnImage("the image is damaged or not what its header says");
        }
    }

    private static String sniff(byte[] bytes) {
        if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        return null;
    }
}
