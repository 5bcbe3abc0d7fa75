package shop.verdant.domain.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertThat(Tokenizer.tokens("Crème-Brûlée  SPOONS, (set of 4)")).containsExactly("creme", "brulee", "spoon", "set", "of", "4");
    }

    @Test
    void stemsCommonPluralsTheSameWayOnBothSides() {
        assertThat(Tokenizer.tokens("bottles berries brushes boxes glass bus")).containsExactly("bottle", "berry", "brush", "box", "glass", "bus");
    }

    @Test
    void emptyAndNullGiveNoTokens() {
        assertThat(Tokenizer.tokens(null)).isEmpty();
        assertThat(Tokenizer.tokens(" ,;- ")).isEmpty();
    }
}
