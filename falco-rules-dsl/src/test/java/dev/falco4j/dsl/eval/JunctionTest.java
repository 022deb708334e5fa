package dev.falco4j.dsl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JunctionTest {

    /** A child whose result is read from the context (an int bit set), counting its calls. */
    private static final class Bit implements PredicateNode<int[]> {
        final int bit;
        long calls;

        Bit(int bit) {
            this.bit = bit;
        }

        @Override
        public boolean test(int[] ctx) {
            calls++;
            return (ctx[0] & (1 << bit)) != 0;
        }

        @Override
        public String toString() {
            return "bit" + bit;
        }
    }

    @SuppressWarnings("unchecked")
    private static PredicateNode<int[]>[] children(Bit... bits) {
        return bits;
    }

    @Test
    void andMovesTheChildThatFailsMostToTheFrontAndKeepsItsResults() {
        Bit usuallyTrue = new Bit(0);
        Bit alwaysTrue = new Bit(1);
        Bit usuallyFalse = new Bit(2);
        AndNode<int[]> and = new AndNode<>(children(usuallyTrue, alwaysTrue, usuallyFalse));
        Random random = new Random(7);
        int[] ctx = new int[1];
        for (int i = 0; i < 10_000; i++) {
            boolean a = random.nextInt(10) != 0;
            boolean c = random.nextInt(10) == 0;
            ctx[0] = (a ? 1 : 0) | 2 | (c ? 4 : 0);
            assertThat(and.test(ctx)).isEqualTo(a && c);
        }
        assertThat(and.currentOrder()).startsWith(usuallyFalse);
        // settled: the first child decides ~90% of the evaluations alone
        long before = alwaysTrue.calls;
        ctx[0] = 1 | 2;
        for (int i = 0; i < 1000; i++) {
            assertThat(and.test(ctx)).isFalse();
        }
        assertThat(alwaysTrue.calls - before).isZero();
    }

    @Test
    void orMovesTheChildThatSucceedsMostToTheFront() {
        Bit rare = new Bit(0);
        Bit common = new Bit(1);
        OrNode<int[]> or = new OrNode<>(children(rare, common));
        int[] ctx = {2};
        for (int i = 0; i < 5000; i++) {
            assertThat(or.test(ctx)).isTrue();
        }
        assertThat(or.currentOrder()).containsExactly(common, rare);
        ctx[0] = 0;
        assertThat(or.test(ctx)).isFalse();
        ctx[0] = 1;
        assertThat(or.test(ctx)).isTrue();
    }

    @Test
    void anOrderThatFitsStaysAsWritten() {
        Bit first = new Bit(0);
        Bit second = new Bit(1);
        AndNode<int[]> and = new AndNode<>(children(first, second));
        int[] ctx = {2};
        for (int i = 0; i < 5000; i++) {
            assertThat(and.test(ctx)).isFalse();
        }
        assertThat(and.currentOrder()).containsExactly(first, second);
        assertThat(second.calls).isZero();
    }
}
