package shop.verdant.application.notifications.port;

/** Which notices were sent: each is claimed before it is sent, so a redelivered stream record sends none twice. */
public interface NoticeLog {
    /** True if this call claimed {@code key} (nobody had); false if it was claimed before. */
    boolean claim(String key);

    /** Gives the claim back after a failed send, so the retry sends it. */
    void release(String key);
}
