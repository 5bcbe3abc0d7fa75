package shop.verdant.domain.catalog.search;

import shop.verdant.domain.common.Keyring;

/**
 * Opaque pagination cursor: the next offset bound to a fingerprint of the query it belongs to, sealed
 * by the {@link Keyring}. A cursor that was edited, truncated or replayed against another query is
 * rejected rather than silently paging something else. It protects integrity, not secrecy: an offset is public.
 */
public final class PageCursor {
    private final Keyring keys;

    public PageCursor(Keyring keys) {
        this.keys = keys;
    }

    public String encode(int offset, String queryFingerprint) {
        return keys.seal(offset + ":" + queryFingerprint);
    }

    /** The offset the cursor carries, or -1 when it is not a cursor this service issued for this query. */
    public int decode(String cursor, String queryFingerprint) {
        String payload = keys.open(cursor);
        if (payload == null) {
            return -1;
        }
        int colon = payload.indexOf(':');
        if (colon <= 0 || !payload.substring(colon + 1).equals(queryFingerprint)) {
            return -1;
        }
        try {
            int offset = Integer.parseInt(payload.substring(0, colon));
            return offset >= 0 ? offset : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
