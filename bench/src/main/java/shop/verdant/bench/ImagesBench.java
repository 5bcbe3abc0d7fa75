package shop.verdant.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import shop.verdant.adapter.imaging.PictureRenderer;
import shop.verdant.domain.media.ImageRules;

/**
 * What the image function spends on one upload: decoding, turning, laying on white and writing the three renditions
 * (PictureRenderer, as the function runs it), against decoding alone (ImageIO.read, the part no renderer can skip), for
 * a phone photo of 12 megapixels and a 2-megapixel picture. Photo-like pixels (gradients and noise), so the JPEGs are
 * as large as a camera's.
 */
final class ImagesBench {
    private ImagesBench() {
    }

    static void run(int rounds) throws Exception {
        System.out.println("== image function: renditions of one upload (PictureRenderer) vs decoding alone (ImageIO.read)");
        PictureRenderer renderer = new PictureRenderer();
        for (int[] size : new int[][] {{4000, 3000}, {1600, 1200}}) {
            byte[] jpeg = photo(size[0], size[1]);
            for (int i = 0; i < 2; i++) {   // warm-up: readers found, classes loaded, JIT
                ImageIO.read(new ByteArrayInputStream(jpeg));
                renderer.render(jpeg, ImageRules.WIDTHS);
            }
            long[] decode = new long[rounds];
            long[] render = new long[rounds];
            long out = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                ImageIO.read(new ByteArrayInputStream(jpeg));
                decode[r] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                var renditions = renderer.render(jpeg, ImageRules.WIDTHS);
                render[r] = System.nanoTime() - t0;
                out = renditions.byWidth().values().stream().mapToLong(b -> b.length).sum();
            }
            Stats d = Stats.of(decode);
            Stats rendered = Stats.of(render);
            System.out.printf("  %d x %d (%.1f MP, %,d bytes): decode p50 %.0f ms; render p50 %.0f ms, max %.0f ms (%.2fx decode);"
                            + " renditions %,d bytes%n", size[0], size[1], size[0] * size[1] / 1e6, jpeg.length, d.p50Millis(),
                    rendered.p50Millis(), Stats.of(render).p99Millis(), rendered.p50Millis() / d.p50Millis(), out);
        }
    }

    private static byte[] photo(int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = random.nextInt(24);
                int r = Math.min(255, 60 + x * 120 / w + n);
                int g = Math.min(255, 90 + y * 110 / h + n);
                int b = Math.min(255, 40 + ((x + y) % 200) / 2 + n);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
