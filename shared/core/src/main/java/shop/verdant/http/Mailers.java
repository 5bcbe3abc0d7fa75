package shop.verdant.http;

import java.util.Optional;
import shop.verdant.application.notifications.port.Mailer;

/**
 * Where customer emails go when the code runs outside Lambda: the local shop installs its mailbox here before any
 * handler sends, as it installs its behaviour sink; on AWS nothing is installed and the wiring uses SES.
 */
public final class Mailers {
    private Mailers() {
    }

    private static volatile Mailer installed;

    public static void install(Mailer mailer) {
        installed = mailer;
    }

    public static Optional<Mailer> installed() {
        return Optional.ofNullable(installed);
    }
}
