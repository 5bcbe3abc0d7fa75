package shop.verdant.domain.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.ValidationException;

class MerchantAccountTest {

    @Test
    void theIdComesFromTheNameAndTheAccount_soARetryArrivesAtTheSameOne() {
        String sub = "3f2a91c4-0000-4000-8000-000000000001";
        assertThat(MerchantAccount.idFor("Fern & Co.", sub)).isEqualTo("merchant-fern-co-3f2a91");
        assertThat(MerchantAccount.idFor("Fern & Co.", sub)).isEqualTo(MerchantAccount.idFor("Fern & Co.", sub));
        assertThat(MerchantAccount.idFor("Crème Brûlée Ateliér", sub)).isEqualTo("merchant-creme-brulee-atelier-3f2a91");
        assertThat(MerchantAccount.idFor("★★★", sub)).isEqualTo("merchant-shop-3f2a91");
        assertThat(MerchantAccount.idFor("A very long shop name that goes on and on and on", sub))
                .isEqualTo("merchant-a-very-long-shop-name-that-goe-3f2a91").hasSizeLessThanOrEqualTo(9 + 30 + 7);
        assertThat(MerchantAccount.idFor("Fern & Co.", "9" + sub.substring(1))).as("another account, another id")
                .isNotEqualTo(MerchantAccount.idFor("Fern & Co.", sub));
    }

    @Test
    void theNameShoppersSeeIsTidiedOrNamedAsBad() {
        assertThat(MerchantAccount.displayName("  Fern   &  Co. ")).isEqualTo("Fern & Co.");
        for (String bad : new String[] {null, "", " F ", "x".repeat(61)}) {
            assertThatThrownBy(() -> MerchantAccount.displayName(bad)).isInstanceOf(ValidationException.class);
        }
    }
}
