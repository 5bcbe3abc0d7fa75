package shop.verdant.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.aws.SignedHttp;
import shop.verdant.testing.MotoServer;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The images bucket adapter against moto's S3 (a second S3 beside the local shop's S3Mock): signed GET, PUT and DELETE
 * of one object each, a missing object as empty, a rendition's type and caching as CloudFront will serve them.
 */
class S3ImageObjectsTest {
    static MotoServer moto;
    static S3ImageObjects objects;
    static SignedHttp http;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        System.setProperty("S3_ENDPOINT", moto.url());
        System.setProperty("TEST_IMAGES_BUCKET", "verdant-test-images");
        http = SignedHttp.fromEnvironment("s3", true, "S3_ENDPOINT");
        assertThat(http.send(SdkHttpMethod.PUT, URI.create(moto.url() + "/verdant-test-images"), Map.of(), null).ok()).isTrue();
        objects = S3ImageObjects.fromEnvironment("TEST_IMAGES_BUCKET");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("S3_ENDPOINT");
        System.clearProperty("TEST_IMAGES_BUCKET");
        moto.close();
    }

    @Test
    void aRenditionIsWrittenReadAndRemoved_aMissingOneIsEmpty() {
        String key = "images/products/p1/u1/320.jpg";
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
        objects.putRendition(key, jpeg);
        assertThat(objects.read(key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(jpeg));
        var head = http.send(SdkHttpMethod.HEAD, URI.create(moto.url() + "/verdant-test-images/" + key), Map.of(), null);
        assertThat(head.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(head.header("Cache-Control")).isEqualTo(S3ImageObjects.CACHE_CONTROL);

        objects.delete(List.of(key, "images/products/p1/u1/never-there.jpg"));
        assertThat(objects.read(key)).isEmpty();
        assertThat(objects.read("uploads/m/p/none")).isEmpty();
    }

    @Test
    void aBucketThatIsNotThereIsAFault_notAnEmptyAnswer() {
        System.setProperty("OTHER_BUCKET", "no-such-bucket");
        try {
            S3ImageObjects missing = S3ImageObjects.fromEnvironment("OTHER_BUCKET");
            assertThatThrownBy(() -> missing.putRendition("images/products/p/u/320.jpg", new byte[] {1}))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("404").hasMessageContaining("NoSuchBucket");
            assertThatThrownBy(() -> missing.read("uploads/m/p/u")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> missing.delete(List.of("uploads/m/p/u"))).isInstanceOf(IllegalStateException.class);
        } finally {
            System.clearProperty("OTHER_BUCKET");
        }
    }
}
