package shop.verdant.domain.tracking;

/**
 * Who is behind a request, as far as tracking may know: the anonymous visitor id the site makes on a first visit
 * ({@code X-Visitor-Id}), the browser session ({@code X-Session-Id}), and the user's {@code sub} when signed in.
 * Never an email, a name, an address or an IP.
 */
public record Visit(String visitorId, String sessionId, String userSub) {
    /** A visit the stream knows only by its order: the visitor id recorded when it was placed, and the customer. */
    public static Visit ofOrder(String visitorId, String customerSub) {
        return new Visit(visitorId, null, customerSub);
    }
}
