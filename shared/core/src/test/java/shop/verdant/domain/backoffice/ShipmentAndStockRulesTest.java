package shop.verdant.domain.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.FieldError;
import shop.verdant.domain.common.ValidationException;

class ShipmentAndStockRulesTest {
    @Test
    void shipmentsMoveForwardOnly() {
        assertThat(ShipmentStatus.PENDING.mayBecome(ShipmentStatus.PACKED)).isTrue();
        assertThat(ShipmentStatus.PENDING.mayBecome(ShipmentStatus.SHIPPED)).isTrue();
        assertThat(ShipmentStatus.PACKED.mayBecome(ShipmentStatus.SHIPPED)).isTrue();
        assertThat(ShipmentStatus.SHIPPED.mayBecome(ShipmentStatus.DELIVERED)).isTrue();
        assertThat(ShipmentStatus.PENDING.mayBecome(ShipmentStatus.DELIVERED)).isFalse();
        assertThat(ShipmentStatus.SHIPPED.mayBecome(ShipmentStatus.PACKED)).isFalse();
        assertThat(ShipmentStatus.DELIVERED.mayBecome(ShipmentStatus.SHIPPED)).isFalse();
        assertThat(ShipmentStatus.CANCELLED.next()).isNull();
    }

    @Test
    void aStockAdjustmentIsADeltaOrALevel_withAReason() {
        assertThat(StockAdjustment.of(5L, null, "restock", null).deltaFrom(3)).isEqualTo(5);
        assertThat(StockAdjustment.of(null, 2L, "count", " shelf ").deltaFrom(7)).isEqualTo(-5);
        assertThat(StockAdjustment.of(null, 2L, "count", " shelf ").note()).isEqualTo("shelf");
        assertThatThrownBy(() -> StockAdjustment.of(5L, 2L, "restock", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> StockAdjustment.of(null, null, "restock", null)).isInstanceOf(ValidationException.class);
        ValidationException e = (ValidationException) org.assertj.core.api.Assertions.catchThrowable(
                () -> StockAdjustment.of(0L, null, "import", "n".repeat(201)));
        assertThat(e.errors().stream().map(FieldError::field)).containsExactlyInAnyOrder("delta", "reason", "note");
        assertThatThrownBy(() -> StockAdjustment.of(null, -1L, "count", null)).isInstanceOf(ValidationException.class);
    }
}
