package shop.verdant.adapter.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import shop.verdant.domain.common.ConflictException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * One TransactWriteItems, retried with jitter while it only collides with another transaction on the same
 * items (TransactionConflict); a failed condition is an answer, handed to {@code onCancel}, not a fault.
 */
final class Transact {
    private static final int ATTEMPTS = 12;

    private Transact() {
    }

    interface OnCancel<T> {
        /** Decides a cancelled transaction from its reasons (one per item, in order): answer, or throw. */
        T apply(List<CancellationReason> reasons);
    }

    static boolean failed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    static <T> T run(DynamoDbClient client, List<TransactWriteItem> items, T done, OnCancel<T> onCancel) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(b -> b.transactItems(items));
                return done;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                boolean failedCheck = reasons.stream().anyMatch(Transact::failed);
                if (failedCheck || !conflict) {
                    return onCancel.apply(reasons);
                }
                busy(attempt);
            } catch (TransactionInProgressException e) {
                busy(attempt);
            }
        }
    }

    private static void busy(int attempt) {
        if (attempt >= ATTEMPTS) {
            throw new ConflictException("busy", "Busy", "Too many simultaneous changes to the same items; try again.", Map.of());
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 8) + 2));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ie);
        }
    }
}
