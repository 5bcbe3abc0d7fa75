package shop.verdant.contract;

/**
 * A function run when an object is created under {@code prefix} of a bucket: on AWS the bucket's event through
 * EventBridge (retried, then a dead-letter queue), locally the gateway raises the same event after an upload reaches
 * S3Mock.
 */
public record BucketEvent(Handler handler, BucketSpec bucket, String prefix) implements Trigger {
    public BucketEvent {
        if (prefix == null || prefix.isEmpty() || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("a bucket event needs a folder prefix ending in /");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.bucket(this);
    }
}
