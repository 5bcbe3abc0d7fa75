package shop.verdant.adapter.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import shop.verdant.application.media.port.ImageRenderer;
import shop.verdant.domain.media.ImageRules;
import shop.verdant.testing.TestPictures;

/** What the image function makes of an upload: the bytes decide the format, metadata never survives, bad files are named. */
class PictureRendererTest {
    private final PictureRenderer renderer = new PictureRenderer();

    private static BufferedImage read(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    @Test
    void aPhoneJpegLosesItsExifAndGpsButIsTurnedUprightAsItsOrientationSaid() throws Exception {
        byte[] upload = TestPictures.jpegWithExif(600, 400, 6);
        assertThat(TestPictures.contains(upload, TestPictures.SECRET)).as("the test file carries its EXIF").isTrue();
        assertThat(TestPictures.contains(upload, "Exif")).isTrue();

        ImageRenderer.Renditions r = renderer.render(upload, ImageRules.WIDTHS);

        assertThat(r.format()).isEqualTo("jpeg");
        assertThat(r.width()).as("turned a quarter: 600 x 400 shows as 400 x 600").isEqualTo(400);
        assertThat(r.height()).isEqualTo(600);
        assertThat(r.byWidth()).containsOnlyKeys(320, 800, 1600);
        for (var e : r.byWidth().entrySet()) {
            byte[] jpeg = e.getValue();
            assertThat(TestPictures.contains(jpeg, "Exif")).as("no EXIF block in the " + e.getKey() + " rendition").isFalse();
            assertThat(TestPictures.contains(jpeg, TestPictures.SECRET)).isFalse();
            assertThat(jpeg[0] & 0xff).isEqualTo(0xFF);
            assertThat(jpeg[1] & 0xff).isEqualTo(0xD8);
        }
        BufferedImage small = read(r.byWidth().get(320));
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(480);
        assertThat(read(r.byWidth().get(800)).getWidth()).as("never wider than the picture").isEqualTo(400);
        // the red quarter was top-left as stored; turned clockwise it shows top-right
        int topRight = small.getRGB(small.getWidth() - 20, 20);
        int topLeft = small.getRGB(20, 20);
        assertThat((topRight >> 16) & 0xff).as("red top right").isGreaterThan(200);
        assertThat(topLeft & 0xff).as("blue top left").isGreaterThan(200);
    }

    @Test
    void transparencyBecomesWhite_andAPngIsServedAsJpeg() throws Exception {
        ImageRenderer.Renditions r = renderer.render(TestPictures.png(400, 300, true), List.of(320));
        assertThat(r.format()).isEqualTo("png");
        BufferedImage out = read(r.byWidth().get(320));
        int corner = out.getRGB(out.getWidth() - 5, out.getHeight() - 5);
        assertThat(corner & 0xffffff).as("white where it was transparent").isGreaterThan(0xf0f0f0);
    }

    @Test
    void aWebpIsRead() throws Exception {
        byte[] webp;
        try (var in = PictureRendererTest.class.getResourceAsStream("/leaf-300x240.webp")) {
            webp = in.readAllBytes();
        }
        ImageRenderer.Renditions r = renderer.render(webp, List.of(320, 800));
        assertThat(r.format()).isEqualTo("webp");
        assertThat(r.width()).isEqualTo(300);
        assertThat(read(r.byWidth().get(800)).getHeight()).isEqualTo(240);
    }

    @Test
    void whatIsNoPictureTheShopTakesIsRefusedWithTheReason() {
        assertThatThrownBy(() -> renderer.render("just text, named photo.jpg".getBytes(StandardCharsets.UTF_8), ImageRules.WIDTHS))
                .isInstanceOf(ImageRenderer.Refused.class).hasMessageContaining("not a picture");
        assertThatThrownBy(() -> renderer.render(new byte[0], ImageRules.WIDTHS))
                .isInstanceOf(ImageRenderer.Refused.class).hasMessageContaining("not a picture");
        assertThatThrownBy(() -> renderer.render(gif(), ImageRules.WIDTHS))
                .isInstanceOf(ImageRenderer.Refused.class).hasMessageContaining("GIF");
        byte[] jpeg = TestPictures.jpegWithExif(600, 400, 1);
        assertThatThrownBy(() -> renderer.render(java.util.Arrays.copyOf(jpeg, 300), ImageRules.WIDTHS))
                .as("cut short").isInstanceOf(ImageRenderer.Refused.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> renderer.render(TestPictures.png(150, 600, false), ImageRules.WIDTHS))
                .isInstanceOf(ImageRenderer.Refused.class).hasMessageContaining("at least 200");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderBeforeAnyPixelIsDecoded() {
        byte[] bomb = TestPictures.pngClaiming(50_000, 50_000);
        assertThat(bomb.length).as("a small file").isLessThan(100);
        long before = usedHeap();
        assertThatThrownBy(() -> renderer.render(bomb, ImageRules.WIDTHS))
                .isInstanceOf(ImageRenderer.Refused.class).hasMessageContaining("50000 x 50000").hasMessageContaining("megapixels");
        // 2.5 billion pixels would need 10 GB: nothing near that was allocated
        assertThat(usedHeap() - before).isLessThan(512L * 1024 * 1024);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static byte[] gif() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), "gif", out);
        return out.toByteArray();
    }
}
