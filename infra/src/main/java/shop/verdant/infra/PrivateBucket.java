package shop.verdant.infra;

import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/** Every bucket of the shop starts here: no public access, TLS only, encrypted, ACLs off. */
final class PrivateBucket {
    private PrivateBucket() {
    }

    static Bucket.Builder builder(Construct scope, String id) {
        return Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED);
    }
}
