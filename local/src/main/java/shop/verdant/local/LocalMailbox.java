package shop.verdant.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import shop.verdant.application.notifications.port.Mailer;
import shop.verdant.domain.notifications.Email;
import shop.verdant.http.Json;

/**
 * The local shop's stand-in for SES: the emails the handlers send are kept here (and appended to
 * {@code mailbox.jsonl} in the work folder) and shown at {@code /local/mailbox?email=}, beside the sign-up codes, staff invitations and authenticator codes.
 */
final class LocalMailbox implements Mailer {
    record Message(String to, String subject, String text, String html, Instant at) {
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Path log;

    LocalMailbox(Path log) {
        this.log = log;
    }

    @Override
    public void send(Email email) {
        Message m = new Message(email.to(), email.subject(), email.text(), email.html(), Instant.now());
        messages.add(m);
        try {
            Files.writeString(log, Json.write(m) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("mailbox log not written: " + e);
        }
    }

    /** What was sent to {@code email} (case-insensitive), oldest first. */
    List<Message> to(String email) {
        List<Message> out = new ArrayList<>();
        for (Message m : messages) {
            if (m.to() != null && m.to().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))) {
                out.add(m);
            }
        }
        return out;
    }

    /** The mailbox as a page: every message's subject, time and text, newest first (escaped; no scripts, no styles). */
    static String page(String email, CognitoLocalEngine.Inbox inbox, List<Message> messages) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Mailbox — Verdant (local)</title>"
                + "</head><body><h1>Mailbox of ").append(escape(email)).append("</h1><p>The local shop keeps here what it would email.</p>");
        if (!inbox.codes().isEmpty()) {
            html.append("<h2>Sign-up codes</h2><ul>");
            inbox.codes().forEach(c -> html.append("<li>").append(escape(c)).append("</li>"));
            html.append("</ul>");
        }
        if (inbox.temporaryPassword() != null) {
            html.append("<h2>Staff invitation</h2><p>Temporary password: <code>").append(escape(inbox.temporaryPassword()))
                    .append("</code>. Use it once at the staff sign-in, then choose your own.</p>");
        }
        if (inbox.authenticatorCode() != null) {
            html.append("<h2>Authenticator</h2><p>Current code: <code>").append(escape(inbox.authenticatorCode()))
                    .append("</code> (a new one every 30 seconds; on AWS it is the app you set up at the first staff sign-in).</p>");
        }
        html.append("<h2>Messages</h2>");
        if (messages.isEmpty()) {
            html.append("<p>None yet.</p>");
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            html.append("<article><h3>").append(escape(m.subject())).append("</h3><p><time>").append(m.at())
                    .append("</time></p><pre>").append(escape(m.text())).append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Map<String, Object> json(String email, CognitoLocalEngine.Inbox inbox) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("email", email);
        out.putAll(inbox.json());
        out.put("messages", to(email));
        return out;
    }
}
