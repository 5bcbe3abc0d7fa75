package shop.verdant.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers on every response of the shop: CloudFront's response-headers policy adds them on
 * AWS, the local gateway adds the same ones. Same-origin everything but Stripe: the site loads no other
 * third-party script, style, font or image; it talks only to its own API, the Cognito user-pool endpoint and,
 * on AWS, Stripe.js (whose card fields are Stripe's frames, so no card number touches the shop).
 */
public final class SecurityHeaders {
    private SecurityHeaders() {
    }

    /** HSTS for a year, subdomains included. */
    public static final long HSTS_MAX_AGE_SECONDS = 365L * 24 * 3600;
    public static final String FRAME_OPTIONS = "DENY";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** Where Stripe.js loads from on AWS (locally the stand-in serves its subset on the same origin). */
    public static final String STRIPE_JS = "https://js.stripe.com/v3/";

    /**
     * {@code cognitoOrigin}: where the site calls Cognito (the region's endpoint on AWS; same origin locally);
     * {@code stripe}: whether the page may load Stripe.js and its frames and talk to Stripe's API (AWS, real Stripe).
     */
    public static String contentSecurityPolicy(String cognitoOrigin, boolean stripe) {
        return contentSecurityPolicy(cognitoOrigin, stripe, null);
    }

    /**
     * {@code uploadOrigin}: where merchants' browsers upload pictures on AWS (the images bucket's endpoint; the local
     * gateway takes them on the same origin).
     */
    public static String contentSecurityPolicy(String cognitoOrigin, boolean stripe, String uploadOrigin) {
        String stripeScript = stripe ? " https://js.stripe.com" : "";
        return "default-src 'self'; script-src 'self'" + stripeScript + "; style-src 'self'; img-src 'self' data:"
                + (stripe ? " https://*.stripe.com" : "") + "; font-src 'self'; "
                + "connect-src 'self'" + (cognitoOrigin == null ? "" : " " + cognitoOrigin) + (stripe ? " https://api.stripe.com" : "")
                + (uploadOrigin == null ? "" : " " + uploadOrigin)
                + "; frame-src " + (stripe ? "https://js.stripe.com https://hooks.stripe.com" : "'none'")
                + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    }

    public static String contentSecurityPolicy(String cognitoOrigin) {
        return contentSecurityPolicy(cognitoOrigin, false);
    }

    public static String cognitoOrigin(String region) {
        return "https://cognito-idp." + region + ".amazonaws.com";
    }

    /** Every header by name, as a response carries them. */
    public static Map<String, String> all(String cognitoOrigin) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", contentSecurityPolicy(cognitoOrigin));
        h.put("Strict-Transport-Security", "max-age=" + HSTS_MAX_AGE_SECONDS + "; includeSubDomains");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", FRAME_OPTIONS);
        h.put("Referrer-Policy", REFERRER_POLICY);
        return h;
    }
}
