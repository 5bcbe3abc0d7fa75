package shop.verdant.domain.catalog.search;

/**
 * A fixed-size bit set over document numbers, with the two operations facet counting needs to be
 * allocation-free: intersect-in-place and intersect-count.
 */
final class Bits {
    final long[] words;
    final int size;

    Bits(int size) {
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    private Bits(int size, long[] words) {
        this.size = size;
        this.words = words;
    }

    static Bits all(int size) {
        Bits b = new Bits(size);
        java.util.Arrays.fill(b.words, -1L);
        int tail = size & 63;
        if (tail != 0) {
            b.words[b.words.length - 1] = (1L << tail) - 1;
        }
        return b;
    }

    void set(int i) {
        words[i >>> 6] |= 1L << i;
    }

    void clear(int i) {
        words[i >>> 6] &= ~(1L << i);
    }

    boolean get(int i) {
        return (words[i >>> 6] & (1L << i)) != 0;
    }

    Bits copy() {
        return new Bits(size, words.clone());
    }

    /** this &= other; a null other means "everything" and changes nothing. */
    Bits and(Bits other) {
        if (other != null) {
            for (int i = 0; i < words.length; i++) {
                words[i] &= other.words[i];
            }
        }
        return this;
    }

    Bits or(Bits other) {
        for (int i = 0; i < words.length; i++) {
            words[i] |= other.words[i];
        }
        return this;
    }

    int cardinality() {
        int n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    int andCount(Bits other) {
        int n = 0;
        for (int i = 0; i < words.length; i++) {
            n += Long.bitCount(words[i] & other.words[i]);
        }
        return n;
    }

    /** The next set bit at or after {@code from}, or -1. */
    int nextSetBit(int from) {
        if (from >= size) {
            return -1;
        }
        int w = from >>> 6;
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return -1;
            }
            word = words[w];
        }
    }
}
