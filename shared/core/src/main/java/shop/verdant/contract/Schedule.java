package shop.verdant.contract;

/** A function run every {@code everyMinutes} (EventBridge on AWS, a timer in the local shop). */
public record Schedule(Handler handler, int everyMinutes) implements Trigger {
    public Schedule {
        if (everyMinutes < 1) {
            throw new IllegalArgumentException("everyMinutes must be at least 1");
        }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.schedule(this);
    }
}
