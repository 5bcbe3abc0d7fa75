package shop.verdant.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyringTest {
    private final String k1 = Keyring.generate("k1");
    private final String k2 = Keyring.generate("k2");

    @Test
    void opensWhatItSealed_andNothingEdited() {
        Keyring ring = Keyring.parse(k1);
        String sealed = ring.seal("24:abc");
        assertThat(ring.open(sealed)).isEqualTo("24:abc");
        assertThat(sealed).startsWith("k1.");
        String[] parts = sealed.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("48:abc".getBytes()) + "." + parts[2];
        assertThat(ring.open(forged)).isNull();
        assertThat(ring.open(sealed.substring(0, sealed.length() - 2))).isNull();
        assertThat(ring.open("k1.x")).isNull();
        assertThat(ring.open("AAAAAAAAAAAAAAAAAAAAAA")).isNull();
        assertThat(ring.open(null)).isNull();
    }

    @Test
    void aRotatedRingSealsWithTheNewKey_andStillOpensWhatTheOldOneSealed() {
        String before = Keyring.parse(k1).seal("cart");
        Keyring rotated = Keyring.parse(k2 + "," + k1);
        assertThat(rotated.open(before)).isEqualTo("cart");
        assertThat(rotated.seal("cart")).startsWith("k2.");
        Keyring retired = Keyring.parse(k2);
        assertThat(retired.open(before)).isNull();
    }

    @Test
    void anotherKeyWithTheSameIdOpensNothing() {
        String sealed = Keyring.parse(k1).seal("x");
        assertThat(Keyring.parse(Keyring.generate("k1")).open(sealed)).isNull();
    }

    @Test
    void refusesWeakOrMalformedKeys() {
        assertThatThrownBy(() -> Keyring.parse("k1:c2hvcnQ")).hasMessageContaining("32 or more");
        assertThatThrownBy(() -> Keyring.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyring.parse("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyring.parse("k 1:" + "a".repeat(40))).hasMessageContaining("key id");
    }

    @Test
    void aBareGeneratedSecretIsKeyZero_andRotatesBehindANewId() {
        String generated = "Zx8kQ2mN4pR6tV9wB1cD3fG5hJ7kL0mN2pQ4rS6tU8vW0xY2z";
        String sealed = Keyring.parse(generated).seal("v");
        assertThat(sealed).startsWith("0.");
        assertThat(Keyring.parse("k2:" + "b".repeat(40) + ",0:" + generated).open(sealed)).isEqualTo("v");
    }
}
