package shop.verdant.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The post-confirmation trigger fed events/accounts-post-confirmation.json. */
class AddToCustomersHandlerTest {
    final List<String> added = new ArrayList<>();
    final AddToCustomersHandler handler = new AddToCustomersHandler(() -> (pool, user, group) -> added.add(pool + "/" + user + "/" + group));

    static CognitoUserPoolPostConfirmationEvent event() {
        return EventLoader.loadEvent("events/accounts-post-confirmation.json", CognitoUserPoolPostConfirmationEvent.class);
    }

    @Test
    void aConfirmedSignUpJoinsCustomers_andTheEventGoesBackUnchanged() {
        CognitoUserPoolPostConfirmationEvent e = event();
        assertThat(handler.handleRequest(e, null)).isSameAs(e);
        assertThat(added).containsExactly("eu-west-1_AbCdEf123/7d3f0b2a-5c61-4e8f-9a0d-2b4c6e8f1a3b/customers");
    }

    @Test
    void aPasswordResetConfirmationChangesNoGroup() {
        CognitoUserPoolPostConfirmationEvent e = event();
        e.setTriggerSource("PostConfirmation_ConfirmForgotPassword");
        handler.handleRequest(e, null);
        assertThat(added).isEmpty();
    }

    @Test
    void aFailingGroupCallDoesNotFailTheConfirmation() {
        var failing = new AddToCustomersHandler(() -> (pool, user, group) -> {
            throw new IllegalStateException("throttled");
        });
        CognitoUserPoolPostConfirmationEvent e = event();
        assertThat(failing.handleRequest(e, null)).isSameAs(e);
    }
}
