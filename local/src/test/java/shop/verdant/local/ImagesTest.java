package shop.verdant.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.domain.media.ImageRules;
import shop.verdant.testing.TestPictures;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Product pictures through the local gateway, as a browser sends them: a presigned POST whose policy the upload endpoint
 * enforces as S3 does, the bucket event the gateway raises after S3Mock took the file, the image function's renditions
 * (served at /images/, without EXIF or GPS), arranging and removing pictures (their renditions pruned from the
 * bucket), and nothing of it for another merchant.
 */
class ImagesTest {
    static String merchantA;
    static String merchantB;

    @BeforeAll
    static void signIn() {
        merchantA = Api.demo("merchant");
        merchantB = Api.demo("merchant2");
    }

    /** A new draft product of merchant A, with its ETag. */
    static String[] product() {
        Api.Response created = BackOfficeTest.create(merchantA, "IMG-" + BackOfficeTest.unique(), "Cork Coaster", 650, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new String[] {created.json().get("id").asText(), created.header("etag")};
    }

    static Api.Response start(String token, String productId, String type) {
        return Api.call("POST", "/api/merchant/products/" + productId + "/images", token, "{\"contentType\":\"" + type + "\"}");
    }

    /** POSTs the signed form (fields as given, then the file) where the signature said, as a browser's FormData does. */
    static HttpResponse<String> post(JsonNode signed, Map<String, String> fields, byte[] file) throws Exception {
        String boundary = "----verdant" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        URI url = TestShop.get().url().resolve(signed.get("url").asText());
        return Api.HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> fields(JsonNode signed) {
        Map<String, String> out = new LinkedHashMap<>();
        signed.get("fields").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The upload's status once it is settled (polling every 50 ms for at most 15 s). */
    static JsonNode settled(String token, JsonNode signed) throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            Api.Response r = Api.call("GET", signed.get("statusUrl").asText(), token, null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (!r.json().get("status").asText().equals("PENDING")) {
                System.out.println("upload settled in " + (System.nanoTime() - start) / 1_000_000 + " ms: " + r.body());
                return r.json();
            }
            assertThat(System.nanoTime() - start).as("settled within 15 s").isLessThan(15_000_000_000L);
            Thread.sleep(50);
        }
    }

    static S3Client s3() {
        return LocalShop.s3Client(System.getProperty("S3_ENDPOINT"));
    }

    static boolean stored(String key) {
        try (S3Client s3 = s3()) {
            s3.headObject(b -> b.bucket(LocalShop.BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    static HttpResponse<byte[]> image(String key) throws Exception {
        return Api.HTTP.send(HttpRequest.newBuilder(TestShop.get().url().resolve("/" + key)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * An upload of merchant A's new product, signed through the API and put into S3Mock directly, so no event is raised
     * for it: its key and size (for a test that runs the image function itself).
     */
    static String[] uploadWithoutEvent(byte[] picture) {
        if (merchantA == null) {
            signIn();
        }
        String productId = product()[0];
        Api.Response signed = start(merchantA, productId, "image/jpeg");
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        String key = signed.json().at("/fields/key").asText();
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(LocalShop.BUCKET).key(key).contentType("image/jpeg"), RequestBody.fromBytes(picture));
        }
        return new String[] {key, Long.toString(picture.length)};
    }

    @Test
    void aPhotoBecomesRenditionsWithoutItsExif_attachedToTheProduct() throws Exception {
        String productId = product()[0];
        Api.Response signed = start(merchantA, productId, "image/jpeg");
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        JsonNode s = signed.json();
        assertThat(s.get("maxBytes").asLong()).isEqualTo(ImageRules.MAX_BYTES);
        assertThat(s.at("/fields/key").asText()).startsWith("uploads/merchant-greenleaf/" + productId + "/");
        assertThat(s.get("status").asText()).isEqualTo("PENDING");

        byte[] photo = TestPictures.jpegWithExif(1200, 900, 1);
        HttpResponse<String> uploaded = post(s, fields(s), photo);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(204);
        JsonNode outcome = settled(merchantA, s);
        assertThat(outcome.get("status").asText()).isEqualTo("ATTACHED");
        String key = outcome.get("image").asText();
        assertThat(key).isEqualTo(ImageRules.imageKey(productId, s.get("uploadId").asText()));

        JsonNode product = Api.call("GET", "/api/merchant/products/" + productId, merchantA, null).json();
        assertThat(product.get("images")).extracting(JsonNode::asText).containsExactly(key);
        assertThat(product.get("updatedBy").asText()).isEqualTo("system:images");
        for (String rendition : ImageRules.renditionsOf(key)) {
            HttpResponse<byte[]> served = image(rendition);
            assertThat(served.statusCode()).as(rendition).isEqualTo(200);
            assertThat(served.headers().firstValue("content-type")).hasValue("image/jpeg");
            assertThat(TestPictures.contains(served.body(), "Exif")).as("no EXIF in " + rendition).isFalse();
            assertThat(TestPictures.contains(served.body(), TestPictures.SECRET)).isFalse();
        }
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image(key).body())).getWidth()).isEqualTo(800);
        assertThat(stored(s.at("/fields/key").asText())).as("the upload itself is removed").isFalse();
    }

    @Test
    void whatThePolicyDoesNotAllowIsRefusedAtTheBucket_andNothingIsStored() throws Exception {
        String productId = product()[0];
        JsonNode s = start(merchantA, productId, "image/jpeg").json();
        String key = s.at("/fields/key").asText();
        byte[] photo = TestPictures.jpegWithExif(600, 400, 1);

        // another key: into the other merchant's uploads, or straight to where CloudFront serves from
        for (String elsewhere : List.of("uploads/merchant-fernhill/" + productId + "/" + s.get("uploadId").asText(),
                "images/products/" + productId + "/evil/800.jpg", key + "x")) {
            Map<String, String> f = fields(s);
            f.put("key", elsewhere);
            HttpResponse<String> r = post(s, f, photo);
            assertThat(r.statusCode()).as(elsewhere).isEqualTo(403);
            assertThat(r.body()).contains("<Code>AccessDenied</Code>").contains("Policy Condition failed");
            assertThat(stored(elsewhere)).isFalse();
        }
        // another type than the one signed, a field the policy does not name, a forged signature
        Map<String, String> png = fields(s);
        png.put("Content-Type", "image/png");
        assertThat(post(s, png, photo).statusCode()).isEqualTo(403);
        Map<String, String> extra = fields(s);
        extra.put("acl", "public-read");
        HttpResponse<String> withAcl = post(s, extra, photo);
        assertThat(withAcl.statusCode()).isEqualTo(403);
        assertThat(withAcl.body()).contains("Extra input fields: acl");
        Map<String, String> forged = fields(s);
        forged.put("x-amz-signature", "0".repeat(64));
        assertThat(post(s, forged, photo).body()).contains("SignatureDoesNotMatch");
        // more than 5 MB
        byte[] large = new byte[(int) ImageRules.MAX_BYTES + 1];
        System.arraycopy(photo, 0, large, 0, photo.length);
        HttpResponse<String> tooLarge = post(s, fields(s), large);
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("EntityTooLarge");
        assertThat(stored(key)).isFalse();
        assertThat(Api.call("GET", s.get("statusUrl").asText(), merchantA, null).json().get("status").asText())
                .as("no upload reached the bucket").isEqualTo("PENDING");
        assertThat(Api.call("GET", "/api/merchant/products/" + productId, merchantA, null).json().get("images")).isEmpty();
    }

    @Test
    void aFileThatIsNoPictureIsRefusedWithItsReason_andTheProductKeepsItsPictures() throws Exception {
        String productId = product()[0];
        JsonNode s = start(merchantA, productId, "image/jpeg").json();
        HttpResponse<String> r = post(s, fields(s), "MZ this is a program, not a photo.jpg".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as("the bucket takes any bytes of the signed type").isEqualTo(204);
        JsonNode outcome = settled(merchantA, s);
        assertThat(outcome.get("status").asText()).isEqualTo("REFUSED");
        assertThat(outcome.get("reason").asText()).contains("not a picture");
        assertThat(stored(s.at("/fields/key").asText())).isFalse();
        assertThat(Api.call("GET", "/api/merchant/products/" + productId, merchantA, null).json().get("images")).isEmpty();
        // a type the shop does not take is refused before anything is signed
        Api.Response gif = start(merchantA, productId, "image/gif");
        assertThat(gif.status()).isEqualTo(400);
        assertThat(gif.json().at("/errors/0/field").asText()).isEqualTo("contentType");
    }

    @Test
    void picturesAreReorderedAndRemoved_theFirstIsTheShopsThumbnail_andRemovedRenditionsLeaveTheBucket() throws Exception {
        String[] p = product();
        String productId = p[0];
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode s = start(merchantA, productId, i == 0 ? "image/jpeg" : "image/png").json();
            byte[] picture = i == 0 ? TestPictures.jpegWithExif(640, 480, 1) : TestPictures.png(500, 500, true);
            assertThat(post(s, fields(s), picture).statusCode()).isEqualTo(204);
            JsonNode outcome = settled(merchantA, s);
            assertThat(outcome.get("status").asText()).as(outcome.toString()).isEqualTo("ATTACHED");
            keys.add(outcome.get("image").asText());
        }
        Api.Response current = Api.call("GET", "/api/merchant/products/" + productId, merchantA, null);
        assertThat(current.json().get("images")).extracting(JsonNode::asText).containsExactlyElementsOf(keys);
        String etag = current.header("etag");

        String reversed = "{\"images\":[\"" + keys.get(1) + "\",\"" + keys.get(0) + "\"]}";
        assertThat(Api.call("PUT", "/api/merchant/products/" + productId + "/images", merchantA, reversed).status())
                .as("without If-Match").isEqualTo(428);
        Api.Response arranged = Api.call("PUT", "/api/merchant/products/" + productId + "/images", merchantA, reversed,
                Map.of("If-Match", etag));
        assertThat(arranged.status()).as(arranged.body()).isEqualTo(200);
        assertThat(arranged.json().get("images")).extracting(JsonNode::asText).containsExactly(keys.get(1), keys.get(0));
        assertThat(Api.call("PUT", "/api/merchant/products/" + productId + "/images", merchantA, "{\"images\":[]}",
                Map.of("If-Match", etag)).status()).as("a stale tag").isEqualTo(412);
        Api.Response foreign = Api.call("PUT", "/api/merchant/products/" + productId + "/images", merchantA,
                "{\"images\":[\"images/products/other/x/800.jpg\"]}", Map.of("If-Match", arranged.header("etag")));
        assertThat(foreign.status()).as("only its own pictures").isEqualTo(400);

        // published, the shop's lists show the first picture
        Api.Response published = BackOfficeTest.patch(merchantA, productId, arranged.header("etag"), "{\"status\":\"ACTIVE\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        long start = System.nanoTime();
        while (!Api.call("GET", "/api/products/" + productId, null, null).body().contains(keys.get(1))) {
            assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
            Thread.sleep(50);
        }
        JsonNode page = Api.call("GET", "/api/products/" + productId, null, null).json();
        assertThat(page.get("images").get(0).asText()).endsWith(keys.get(1));

        Api.Response removed = Api.call("PUT", "/api/merchant/products/" + productId + "/images", merchantA,
                "{\"images\":[\"" + keys.get(1) + "\"]}", Map.of("If-Match", published.header("etag")));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("images")).extracting(JsonNode::asText).containsExactly(keys.get(1));
        start = System.nanoTime();
        for (String rendition : ImageRules.renditionsOf(keys.get(0))) {
            while (stored(rendition)) {
                assertThat(System.nanoTime() - start).as("pruned within 10 s").isLessThan(10_000_000_000L);
                Thread.sleep(50);
            }
        }
        System.out.println("removed picture's renditions pruned in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(stored(keys.get(1))).as("the kept picture stays").isTrue();
    }

    @Test
    void anotherMerchantGetsNothingOfIt() throws Exception {
        String productId = product()[0];
        JsonNode s = start(merchantA, productId, "image/jpeg").json();
        Api.Response bStarts = start(merchantB, productId, "image/jpeg");
        assertThat(bStarts.status()).isEqualTo(404);
        Api.Response bReads = Api.call("GET", s.get("statusUrl").asText(), merchantB, null);
        assertThat(bReads.status()).isEqualTo(404);
        String missing = UUID.randomUUID().toString();
        assertThat(bReads.json().get("detail").asText()).as("the same words as a missing one").isEqualTo(
                Api.call("GET", "/api/merchant/products/" + productId + "/images/" + missing, merchantB, null).json()
                        .get("detail").asText().replace(missing, s.get("uploadId").asText()));
        Api.Response bArranges = Api.call("PUT", "/api/merchant/products/" + productId + "/images", merchantB, "{\"images\":[]}",
                Map.of("If-Match", "\"r1\""));
        assertThat(bArranges.status()).isEqualTo(404);
        // B's own signature does not reach A's product: its policy names B's own key only
        String bProduct = BackOfficeTest.create(merchantB, "IMG-B-" + BackOfficeTest.unique(), "Fern Pot", 900, null).json().get("id").asText();
        JsonNode bSigned = start(merchantB, bProduct, "image/jpeg").json();
        Map<String, String> f = fields(bSigned);
        f.put("key", s.at("/fields/key").asText());
        assertThat(post(bSigned, f, TestPictures.jpegWithExif(600, 400, 1)).statusCode()).isEqualTo(403);
        assertThat(Api.call("GET", "/api/merchant/products/" + productId, merchantA, null).json().get("images")).isEmpty();
    }
}
