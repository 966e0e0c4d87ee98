package com.sportsbook.controlplane.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LogoImageTest {

    static byte[] image(String format, int width, int height) {
        try {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 0xff0000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPngOrAJpegOfSensibleSizeIsAcceptedWithItsRealTypeAndSize() {
        assertThat(LogoImage.check(image("png", 240, 60))).isEqualTo(new LogoImage.Verdict.Accepted("image/png", 240, 60));
        assertThat(LogoImage.check(image("jpg", 100, 100))).isEqualTo(new LogoImage.Verdict.Accepted("image/jpeg", 100, 100));
    }

    @Test
    void svgHtmlTextAndEmptyUploadsAreNotImages() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThat(LogoImage.check(svg)).isInstanceOf(LogoImage.Verdict.NotAnImage.class);
        assertThat(LogoImage.check("<html>".getBytes(StandardCharsets.UTF_8))).isInstanceOf(LogoImage.Verdict.NotAnImage.class);
        assertThat(LogoImage.check(new byte[0])).isInstanceOf(LogoImage.Verdict.NotAnImage.class);
    }

    @Test
    void aTruncatedPngIsRefusedAsDamaged() {
        byte[] png = image("png", 64, 64);
        assertThat(LogoImage.check(Arrays.copyOf(png, 40))).isInstanceOf(LogoImage.Verdict.NotAnImage.class);
    }

    @Test
    void anImageOverTheByteOrPixelLimitsIsRefused() {
        assertThat(LogoImage.check(new byte[LogoImage.MAX_BYTES + 1])).isEqualTo(new LogoImage.Verdict.TooLarge(LogoImage.MAX_BYTES + 1));
        assertThat(LogoImage.check(image("png", 4000, 10))).isInstanceOf(LogoImage.Verdict.NotAnImage.class);
    }
}
