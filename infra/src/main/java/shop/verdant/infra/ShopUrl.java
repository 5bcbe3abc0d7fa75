package shop.verdant.infra;

import software.constructs.Construct;

/** The storefront's public URL (cdk.json context {@code verdant:shopUrl}): emails link to it, the bucket's CORS allows it. */
final class ShopUrl {
    private ShopUrl() {
    }

    static final String DEFAULT = "https://shop.verdant.example/";

    static String of(Construct scope) {
        Object url = scope.getNode().tryGetContext("verdant:shopUrl");
        return url == null ? DEFAULT : url.toString();
    }

    /** The URL's origin (scheme, host, port), as a browser sends it. */
    static String origin(Construct scope) {
        java.net.URI uri = java.net.URI.create(of(scope));
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
