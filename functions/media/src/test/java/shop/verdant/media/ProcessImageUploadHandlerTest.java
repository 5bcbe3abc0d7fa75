package shop.verdant.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import shop.verdant.application.media.ProcessImageUpload;
import shop.verdant.application.media.PruneImages;
import shop.verdant.application.media.port.ImageObjects;
import shop.verdant.application.media.port.ImageUploadLog;
import shop.verdant.application.media.port.ProductImages;
import shop.verdant.domain.media.ImageUpload;
import shop.verdant.http.Json;

/**
 * The handler fed events/media-image-uploaded.json (EventBridge's S3 "Object Created"): it hands the key and size on;
 * an upload the shop never opened is removed and ignored; an event without an object is ignored.
 */
class ProcessImageUploadHandlerTest {
    private final List<String> deleted = new ArrayList<>();

    private final ImageObjects objects = new ImageObjects() {
        public Optional<byte[]> read(String key) {
            throw new AssertionError("nothing is read for an upload never opened");
        }

        public void putRendition(String key, byte[] jpeg) {
            throw new AssertionError("nothing is written");
        }

        public void delete(java.util.Collection<String> keys) {
            deleted.addAll(keys);
        }
    };

    private final ImageUploadLog neverOpened = new ImageUploadLog() {
        public void open(ImageUpload upload) {
        }

        public Optional<ImageUpload> find(String uploadId) {
            return Optional.empty();
        }

        public boolean settle(ImageUpload settled) {
            return false;
        }
    };

    private final ProcessImageUploadHandler handler = new ProcessImageUploadHandler(() -> new MediaWiring.Services(
                new ProcessImageUpload(neverOpened, objects, (bytes, widths) -> {
                    throw new AssertionError("nothing is rendered");
                }, new ProductImages() {
                    public Attached attach(String p, String m, String k, int max, String a, java.time.Instant at) {
                        throw new AssertionError("nothing is attached");
                    }

                    public Optional<String> owner(String productId) {
                        return Optional.empty();
                    }
                }, Clock.systemUTC()), new PruneImages(objects)));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event() throws Exception {
        try (InputStream in = ProcessImageUploadHandlerTest.class.getResourceAsStream("/events/media-image-uploaded.json")) {
            return Json.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), Map.class);
        }
    }

    @Test
    void anUploadTheShopNeverOpenedIsRemovedAndIgnored() throws Exception {
        Map<String, Object> answer = handler.handleRequest(event(), null);
        assertThat(answer).containsEntry("outcome", "IGNORED");
        assertThat(deleted).containsExactly(
                "uploads/merchant-greenleaf/01a23355-ad87-701d-9e5e-d992ed7c33e2/01a23355-ada9-7a8b-a2dc-0993eef54fdf");
    }

    @Test
    void anEventWithoutAnObjectIsIgnored() {
        assertThat(handler.handleRequest(Map.of("detail-type", "Object Created", "detail", Map.of()), null))
                .containsEntry("outcome", "IGNORED");
        assertThat(handler.handleRequest(null, null)).containsEntry("outcome", "IGNORED");
        assertThat(deleted).isEmpty();
    }
}
