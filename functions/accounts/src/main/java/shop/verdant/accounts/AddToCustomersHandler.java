package shop.verdant.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import java.util.function.Supplier;
import shop.verdant.adapter.cognito.CognitoUserGroups;
import shop.verdant.application.accounts.port.UserGroups;
import shop.verdant.config.Lazy;

/**
 * Cognito's post-confirmation trigger: a user who confirmed a self sign-up joins the {@code customers}
 * group. Password-reset confirmations pass through untouched. A failure is logged, not thrown: the user
 * is confirmed either way, and no route needs the group to shop.
 */
public final class AddToCustomersHandler implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {
    static final String GROUP = shop.verdant.contract.Role.CUSTOMER.cognitoGroup();
    private static final Supplier<UserGroups> COGNITO = Lazy.memoize(CognitoUserGroups::fromEnvironment);
    private final Supplier<UserGroups> groups;

    public AddToCustomersHandler() {
        this(COGNITO);
    }

    public AddToCustomersHandler(Supplier<UserGroups> groups) {
        this.groups = groups;
    }

    @Override
    public CognitoUserPoolPostConfirmationEvent handleRequest(CognitoUserPoolPostConfirmationEvent event, Context context) {
        if ("PostConfirmation_ConfirmSignUp".equals(event.getTriggerSource())) {
            try {
                groups.get().add(event.getUserPoolId(), event.getUserName(), GROUP);
            } catch (RuntimeException e) {
                shop.verdant.http.Log.error("confirmed user " + event.getUserName() + " not added to " + GROUP, e);
            }
        }
        return event;
    }
}
