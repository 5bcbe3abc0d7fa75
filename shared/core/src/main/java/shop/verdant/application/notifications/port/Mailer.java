package shop.verdant.application.notifications.port;

import shop.verdant.domain.notifications.Email;

/** Sends one email (SES on AWS, the local mailbox in the local shop). */
public interface Mailer {
    /** Sends it, or throws: the caller retries. */
    void send(Email email);
}
