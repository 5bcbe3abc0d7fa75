package shop.verdant.contract;

/** A function Cognito calls at a point of a user's life. */
public record CognitoTrigger(Handler handler, Event event) implements Trigger {
    /** The user-pool trigger points the shop uses. */
    public enum Event { POST_CONFIRMATION }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.cognito(this);
    }
}
