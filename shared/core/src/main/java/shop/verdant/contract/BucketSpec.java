package shop.verdant.contract;

/**
 * A bucket of the shop, as CDK creates it and the local shop starts it in S3Mock: {@code logicalName} names it in both,
 * {@code envVar} carries its name to the functions that use it.
 */
public record BucketSpec(String logicalName, String envVar) {
}
