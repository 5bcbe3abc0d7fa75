package shop.verdant.adapter.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.verdant.adapter.aws.AwsClients;
import shop.verdant.application.tracking.BufferedDelivery;
import shop.verdant.testing.MotoServer;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Firehose adapter against moto's Firehose server (the real PutRecordBatch request and answer; records land in
 * moto's S3 as the destination's objects), and against a stand-in that answers FailedPutCount > 0, which moto cannot.
 */
class FirehoseTransportTest {
    static MotoServer moto;
    static String motoUrl;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        motoUrl = moto.url();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.close();
        }
    }

    static FirehoseClient client(String endpoint) {
        System.setProperty("FIREHOSE_TEST_ENDPOINT", endpoint);
        return AwsClients.configure(FirehoseClient.builder(), "FIREHOSE_TEST_ENDPOINT").build();
    }

    @Test
    void recordsPutInBatchesArriveAtTheDestinationOnceEach() throws Exception {
        System.setProperty("S3_TEST_ENDPOINT", motoUrl);
        try (S3Client s3 = AwsClients.configure(S3Client.builder().forcePathStyle(true), "S3_TEST_ENDPOINT").build();
             FirehoseClient firehose = client(motoUrl)) {
            s3.createBucket(b -> b.bucket("behaviour-backup"));
            firehose.createDeliveryStream(b -> b.deliveryStreamName("verdant-behaviour-direct")
                    .extendedS3DestinationConfiguration(d -> d.bucketARN("arn:aws:s3:::behaviour-backup")
                            .roleARN("arn:aws:iam::123456789012:role/firehose").prefix("events/")));
            try (BufferedDelivery delivery = new BufferedDelivery("firehose", new FirehoseTransport(firehose, "verdant-behaviour-direct"),
                    BufferedDelivery.Limits.firehose(5_000, Duration.ofSeconds(30)))) {
                for (int i = 0; i < 1_203; i++) {
                    assertThat(delivery.offer(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))).isTrue();
                }
                assertThat(delivery.flush(Duration.ofSeconds(30))).isTrue();
                assertThat(delivery.stats().delivered()).isEqualTo(1_203);
            }
            List<String> lines = new ArrayList<>();
            for (var object : s3.listObjectsV2(b -> b.bucket("behaviour-backup")).contents()) {
                String body = s3.getObjectAsBytes(b -> b.bucket("behaviour-backup").key(object.key())).asUtf8String();
                body.lines().filter(l -> !l.isBlank()).forEach(lines::add);
            }
            // three PutRecordBatch calls (500, 500, 203): every record once, one JSON document per line
            assertThat(lines).hasSize(1_203);
            assertThat(new java.util.HashSet<>(lines)).hasSize(1_203).contains("{\"n\":0}", "{\"n\":1202}");
        }
    }

    /** Speaks Firehose's JSON protocol for PutRecordBatch; the first answer fails every third record. */
    @Test
    void onlyTheRecordsFirehoseFailedAreSentAgain() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger throttleFirst = new AtomicInteger(1);
        HttpServer standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        standIn.createContext("/", exchange -> {
            JsonNode request = json.readTree(exchange.getRequestBody());
            byte[] answer;
            int status = 200;
            if (throttleFirst.getAndDecrement() > 0) {
                // the whole request refused: the SDK retries it itself, then BufferedDelivery would
                status = 400;
                answer = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                List<String> records = new ArrayList<>();
                request.path("Records").forEach(r -> records.add(new String(Base64.getDecoder().decode(r.path("Data").asText()),
                        StandardCharsets.UTF_8).trim()));
                boolean first = calls.isEmpty();
                calls.add(records);
                var responses = json.createArrayNode();
                int failed = 0;
                for (int i = 0; i < records.size(); i++) {
                    if (first && i % 3 == 0) {
                        responses.addObject().put("ErrorCode", "ServiceUnavailableException").put("ErrorMessage", "Slow down.");
                        failed++;
                    } else {
                        responses.addObject().put("RecordId", "r-" + calls.size() + "-" + i);
                    }
                }
                var body = json.createObjectNode().put("FailedPutCount", failed).put("Encrypted", false);
                body.set("RequestResponses", responses);
                answer = json.writeValueAsBytes(body);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        standIn.start();
        try (FirehoseClient firehose = client("http://127.0.0.1:" + standIn.getAddress().getPort());
             BufferedDelivery delivery = new BufferedDelivery("firehose", new FirehoseTransport(firehose, "s"),
                     new BufferedDelivery.Limits(500, 4L << 20, 1_000 * 1024, 1_000, Duration.ofMillis(20), Duration.ofMillis(200)))) {
            for (int i = 0; i < 9; i++) {
                delivery.offer(("e" + i).getBytes(StandardCharsets.UTF_8));
            }
            assertThat(delivery.flush(Duration.ofSeconds(20))).isTrue();
            assertThat(delivery.stats().delivered()).isEqualTo(9);
            assertThat(delivery.stats().retries()).isEqualTo(3);
        } finally {
            standIn.stop(0);
        }
        assertThat(calls.get(0)).containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8");
        assertThat(calls.get(1)).containsExactly("e0", "e3", "e6");
        assertThat(calls).hasSize(2);
    }
}
