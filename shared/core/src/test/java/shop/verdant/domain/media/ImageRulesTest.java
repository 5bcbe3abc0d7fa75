package shop.verdant.domain.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import shop.verdant.domain.common.ValidationException;

class ImageRulesTest {

    @Test
    void onlyTheThreeTypesAreSigned_whateverTheirCase() {
        assertThat(ImageRules.contentType(" Image/JPEG ")).isEqualTo("image/jpeg");
        assertThat(ImageRules.contentType("image/webp")).isEqualTo("image/webp");
        for (String refused : new String[] {null, "", "image/gif", "image/svg+xml", "text/html", "image/jpeg; x=1"}) {
            assertThatThrownBy(() -> ImageRules.contentType(refused)).as(String.valueOf(refused))
                    .isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void anUploadKeyNamesItsMerchantProductAndUpload_andNothingElseParsesAsOne() {
        String key = ImageRules.uploadKey("merchant-a", "p-1", "u_1");
        assertThat(key).isEqualTo("uploads/merchant-a/p-1/u_1");
        assertThat(ImageRules.parseUploadKey(key)).hasValue(new ImageRules.UploadKey("merchant-a", "p-1", "u_1"));
        for (String other : new String[] {"uploads/a/b", "uploads/a/b/c/d", "uploads/../b/c", "images/a/b/c", "uploads/a/b/c.jpg",
                "uploads//b/c", null}) {
            assertThat(ImageRules.parseUploadKey(other)).as(String.valueOf(other)).isEmpty();
        }
        assertThatThrownBy(() -> ImageRules.uploadKey("a/b", "p", "u")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProductKeepsItsMainRendition_whoseSiblingsArePrunedTogether() {
        String main = ImageRules.imageKey("p1", "u1");
        assertThat(main).isEqualTo("images/products/p1/u1/800.jpg");
        assertThat(ImageRules.renditionsOf(main)).containsExactly("images/products/p1/u1/320.jpg", main,
                "images/products/p1/u1/1600.jpg");
        assertThat(ImageRules.renditionsOf("images/p1/main.svg")).as("a demo picture is no rendition").isEmpty();
        assertThat(ImageRules.renditionsOf("images/products/p1/../x/800.jpg")).isEmpty();
    }
}
