package shop.verdant.domain.notifications;

/** One message to one customer: a subject, and the same words as plain text and as HTML. */
public record Email(String to, String subject, String text, String html) {
}
