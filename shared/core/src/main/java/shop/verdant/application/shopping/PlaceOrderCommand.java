package shop.verdant.application.shopping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import shop.verdant.domain.shopping.Address;

/** What a customer asks to order: products and quantities (never prices) and where to ship. */
public record PlaceOrderCommand(List<Line> lines, Address shipTo) {

    public record Line(String productId, Integer quantity) {
    }

    /** A digest of the request's meaning, so a retry under the same Idempotency-Key can be told from a different request. */
    public String fingerprint() {
        StringBuilder s = new StringBuilder();
        if (lines != null) {
            for (Line l : lines) {
                s.append(l == null ? "null" : l.productId() + "x" + l.quantity()).append(';');
            }
        }
        s.append('|');
        if (shipTo != null) {
            s.append(String.join("\u0000", String.valueOf(shipTo.name()), String.valueOf(shipTo.line1()),
                    String.valueOf(shipTo.line2()), String.valueOf(shipTo.city()), String.valueOf(shipTo.postcode()),
                    String.valueOf(shipTo.country())));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
