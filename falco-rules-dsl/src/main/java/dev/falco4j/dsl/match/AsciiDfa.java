package dev.falco4j.dsl.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully built deterministic automaton for the common subset of RE2 syntax, used to answer
 * {@code regex} checks on ASCII values in one pass with one table lookup per byte and no
 * allocation. RE2/J stays the authority: it validates every pattern, and handles every pattern
 * outside the subset and every value containing non-ASCII bytes.
 *
 * <p>Subset: ASCII patterns made of literals, escapes ({@code \d \w \s} and their negations,
 * {@code \t \n \r \f \v \a}, {@code \xHH}, escaped punctuation), classes with ranges and negation,
 * {@code .}, groups ({@code (...)}, {@code (?:...)}, {@code (?P<n>...)}), alternation, the
 * quantifiers {@code * + ? {n} {n,} {n,m}} (greedy or lazy; counts up to 100), a leading
 * {@code (?i)}, and {@code ^}/{@code $} at the edges of the pattern or of a top-level alternative.
 * Anything else ({@code \b}, {@code \p{..}}, other flags...) makes {@link #compile} return null.
 *
 * <p>Construction is subset construction from a Thompson NFA, capped at {@value #MAX_STATES}
 * states (beyond that, null again), over byte equivalence classes. Semantics are RE2's partial
 * match: the value matches if any substring matches; {@code ^} and {@code $} anchor at the value's
 * ends ({@code .} does not match a newline).
 */
final class AsciiDfa {

    static final int MAX_STATES = 2000;
    private static final int MAX_REPEAT = 100;

    // NFA node kinds
    private static final int CHAR = 0;
    private static final int SPLIT = 1;
    private static final int JMP = 2;
    private static final int BEGIN = 3;
    private static final int END = 4;
    private static final int MATCH = 5;

    /** Byte (0..127) to equivalence class. */
    private final byte[] byteClass;
    private final int classes;
    /** {@code next[state * classes + class]}. */
    private final int[] next;
    private final boolean[] accepting;
    private final boolean[] acceptingAtEnd;
    private final boolean[] dead;
    private final int initial;

    private AsciiDfa(byte[] byteClass, int classes, int[] next, boolean[] accepting, boolean[] acceptingAtEnd,
                     boolean[] dead, int initial) {
        this.byteClass = byteClass;
        this.classes = classes;
        this.next = next;
        this.accepting = accepting;
        this.acceptingAtEnd = acceptingAtEnd;
        this.dead = dead;
        this.initial = initial;
    }

    /** Result of {@link #matches}: the value contains a non-ASCII byte, ask RE2/J. */
    static final int NOT_ASCII = -1;

    /** 1 on a match, 0 on no match, {@link #NOT_ASCII} when the value is outside this automaton's domain. */
    int matches(byte[] a, int off, int len) {
        int s = initial;
        if (accepting[s]) {
            return 1;
        }
        int nc = classes;
        int[] t = next;
        boolean[] acc = accepting;
        byte[] cls = byteClass;
        for (int i = off, end = off + len; i < end; i++) {
            int b = a[i];
            if (b < 0) {
                return NOT_ASCII;
            }
            s = t[s * nc + cls[b]];
            if (acc[s]) {
                return 1;
            }
            if (dead[s]) {
                // no match possible any more; the rest must still be ASCII for this answer to be RE2's
                for (int j = i + 1; j < end; j++) {
                    if (a[j] < 0) {
                        return NOT_ASCII;
                    }
                }
                return 0;
            }
        }
        return acceptingAtEnd[s] ? 1 : 0;
    }

    int stateCount() {
        return accepting.length;
    }

    // ------------------------------------------------------------------ construction

    /** The automaton for {@code pattern}, or null when it is outside the subset or too large. */
    static AsciiDfa compile(String pattern) {
        Re re;
        try {
            re = new Parser(pattern).parse();
        } catch (Unsupported e) {
            return null;
        }
        Nfa nfa = new Nfa();
        Frag f = nfa.compile(re);
        int match = nfa.add(MATCH, -1, -1, null);
        nfa.patch(f, match);
        return build(nfa, f.start());
    }

    /** Signals a construct outside the subset (not an error: RE2/J already accepted the pattern). */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    // ---- regex syntax tree

    private sealed interface Re permits Chars, Cat, Alt, Rep, Begin, End {
    }

    private record Chars(BitSet set) implements Re {
    }

    private record Cat(List<Re> items) implements Re {
    }

    private record Alt(List<Re> items) implements Re {
    }

    /** {@code max} -1: unbounded. */
    private record Rep(Re item, int min, int max) implements Re {
    }

    private record Begin() implements Re {
    }

    private record End() implements Re {
    }

    /** Recursive-descent parser for the subset; anything else throws {@link Unsupported}. */
    private static final class Parser {
        private final String p;
        private int pos;
        private boolean ignoreCase;

        Parser(String p) {
            this.p = p;
        }

        Re parse() throws Unsupported {
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) >= 0x80) {
                    throw new Unsupported();
                }
            }
            if (p.startsWith("(?i)")) {
                ignoreCase = true;
                pos = 4;
            }
            Re re = alternation(0);
            if (pos != p.length()) {
                throw new Unsupported();
            }
            return re;
        }

        private Re alternation(int depth) throws Unsupported {
            List<Re> alts = new ArrayList<>();
            alts.add(concatenation(depth));
            while (pos < p.length() && p.charAt(pos) == '|') {
                pos++;
                alts.add(concatenation(depth));
            }
            return alts.size() == 1 ? alts.get(0) : new Alt(alts);
        }

        private Re concatenation(int depth) throws Unsupported {
            List<Re> items = new ArrayList<>();
            int begin = pos;
            while (pos < p.length() && p.charAt(pos) != '|' && p.charAt(pos) != ')') {
                char c = p.charAt(pos);
                if (c == '^') {
                    if (pos != begin || depth > 0) {
                        throw new Unsupported();
                    }
                    pos++;
                    items.add(new Begin());
                    continue;
                }
                if (c == '$') {
                    pos++;
                    if (depth > 0 || pos < p.length() && p.charAt(pos) != '|') {
                        throw new Unsupported();
                    }
                    items.add(new End());
                    continue;
                }
                items.add(quantified(atom(depth)));
            }
            return new Cat(items);
        }

        private Re atom(int depth) throws Unsupported {
            char c = p.charAt(pos);
            if (c == '(') {
                if (depth > 20) {
                    throw new Unsupported();
                }
                pos++;
                if (p.startsWith("?:", pos)) {
                    pos += 2;
                } else if (p.startsWith("?P<", pos)) {
                    int close = p.indexOf('>', pos);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    pos = close + 1;
                } else if (pos < p.length() && p.charAt(pos) == '?') {
                    throw new Unsupported();
                }
                Re inner = alternation(depth + 1);
                if (pos >= p.length() || p.charAt(pos) != ')') {
                    throw new Unsupported();
                }
                pos++;
                return inner;
            }
            BitSet set;
            if (c == '[') {
                set = charClass();
            } else if (c == '.') {
                pos++;
                set = new BitSet(128);
                set.set(0, 128);
                set.clear('\n');
            } else if (c == '\\') {
                set = escape();
            } else if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')') {
                throw new Unsupported();
            } else {
                pos++;
                set = new BitSet(128);
                set.set(c);
            }
            if (ignoreCase) {
                fold(set);
            }
            return new Chars(set);
        }

        private static void fold(BitSet set) {
            for (int c = 'a'; c <= 'z'; c++) {
                if (set.get(c) || set.get(c - 32)) {
                    set.set(c);
                    set.set(c - 32);
                }
            }
        }

        private BitSet escape() throws Unsupported {
            if (pos + 1 >= p.length()) {
                throw new Unsupported();
            }
            char e = p.charAt(pos + 1);
            pos += 2;
            BitSet set = new BitSet(128);
            switch (e) {
                case 'd', 'D' -> {
                    set.set('0', '9' + 1);
                    if (e == 'D') {
                        set.flip(0, 128);
                    }
                }
                case 'w', 'W' -> {
                    set.set('0', '9' + 1);
                    set.set('a', 'z' + 1);
                    set.set('A', 'Z' + 1);
                    set.set('_');
                    if (e == 'W') {
                        set.flip(0, 128);
                    }
                }
                case 's', 'S' -> {
                    set.set('\t');
                    set.set('\n');
                    set.set('\f');
                    set.set('\r');
                    set.set(' ');
                    if (e == 'S') {
                        set.flip(0, 128);
                    }
                }
                case 't' -> set.set('\t');
                case 'n' -> set.set('\n');
                case 'r' -> set.set('\r');
                case 'f' -> set.set('\f');
                case 'v' -> set.set(0x0b);
                case 'a' -> set.set(0x07);
                case 'x' -> {
                    if (pos + 2 > p.length()) {
                        throw new Unsupported();
                    }
                    int hi = Character.digit(p.charAt(pos), 16);
                    int lo = Character.digit(p.charAt(pos + 1), 16);
                    if (hi < 0 || lo < 0 || hi >= 8) {
                        throw new Unsupported();
                    }
                    pos += 2;
                    set.set(hi * 16 + lo);
                }
                default -> {
                    if (Character.isLetterOrDigit(e)) {
                        throw new Unsupported();
                    }
                    set.set(e);
                }
            }
            return set;
        }

        private BitSet charClass() throws Unsupported {
            pos++; // '['
            boolean negate = false;
            if (pos < p.length() && p.charAt(pos) == '^') {
                negate = true;
                pos++;
            }
            BitSet set = new BitSet(128);
            boolean first = true;
            while (true) {
                if (pos >= p.length()) {
                    throw new Unsupported();
                }
                char c = p.charAt(pos);
                if (c == ']' && !first) {
                    pos++;
                    break;
                }
                first = false;
                if (c == '[' && pos + 1 < p.length() && p.charAt(pos + 1) == ':') {
                    throw new Unsupported();
                }
                int lo;
                if (c == '\\') {
                    BitSet esc = escape();
                    if (esc.cardinality() != 1) {
                        set.or(esc);
                        continue;
                    }
                    lo = esc.nextSetBit(0);
                } else {
                    lo = c;
                    pos++;
                }
                if (pos + 1 < p.length() && p.charAt(pos) == '-' && p.charAt(pos + 1) != ']') {
                    pos++;
                    int hi;
                    if (p.charAt(pos) == '\\') {
                        BitSet esc = escape();
                        if (esc.cardinality() != 1) {
                            throw new Unsupported();
                        }
                        hi = esc.nextSetBit(0);
                    } else {
                        hi = p.charAt(pos++);
                    }
                    if (hi < lo) {
                        throw new Unsupported();
                    }
                    set.set(lo, hi + 1);
                } else {
                    set.set(lo);
                }
            }
            if (ignoreCase) {
                fold(set);
            }
            if (negate) {
                set.flip(0, 128);
            }
            return set;
        }

        private Re quantified(Re atom) throws Unsupported {
            while (pos < p.length()) {
                char q = p.charAt(pos);
                int min;
                int max;
                if (q == '*') {
                    min = 0;
                    max = -1;
                    pos++;
                } else if (q == '+') {
                    min = 1;
                    max = -1;
                    pos++;
                } else if (q == '?') {
                    min = 0;
                    max = 1;
                    pos++;
                } else if (q == '{') {
                    int close = p.indexOf('}', pos);
                    String body = close < 0 ? "" : p.substring(pos + 1, close);
                    if (!body.matches("[0-9]{1,3}(,[0-9]{0,3})?")) {
                        // RE2 reads a brace that does not start a valid repeat as a literal
                        throw new Unsupported();
                    }
                    int comma = body.indexOf(',');
                    min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
                        throw new Unsupported();
                    }
                    pos = close + 1;
                } else {
                    return atom;
                }
                if (pos < p.length() && p.charAt(pos) == '?') {
                    pos++; // lazy: same set of matching values
                }
                if (pos < p.length() && "*+?{".indexOf(p.charAt(pos)) >= 0) {
                    throw new Unsupported(); // RE2 rejects nested repetition anyway
                }
                atom = new Rep(atom, min, max);
            }
            return atom;
        }
    }

    // ---- Thompson NFA

    /** A fragment under construction: its entry node and the dangling exits ({node, slot}) to patch. */
    private record Frag(int start, List<int[]> exits) {
    }

    private static final class Nfa {
        final List<int[]> nodes = new ArrayList<>(); // {kind, out1, out2}
        final List<BitSet> sets = new ArrayList<>();

        int add(int kind, int out1, int out2, BitSet set) {
            nodes.add(new int[] {kind, out1, out2});
            sets.add(set);
            return nodes.size() - 1;
        }

        void patch(Frag f, int target) {
            for (int[] exit : f.exits()) {
                nodes.get(exit[0])[exit[1]] = target;
            }
        }

        private Frag single(int node, int slot) {
            List<int[]> exits = new ArrayList<>();
            exits.add(new int[] {node, slot});
            return new Frag(node, exits);
        }

        private Frag then(Frag a, Frag b) {
            if (a == null) {
                return b;
            }
            patch(a, b.start());
            return new Frag(a.start(), b.exits());
        }

        Frag compile(Re re) {
            if (re instanceof Chars c) {
                return single(add(CHAR, -1, -1, c.set()), 1);
            } else if (re instanceof Begin) {
                return single(add(BEGIN, -1, -1, null), 1);
            } else if (re instanceof End) {
                return single(add(END, -1, -1, null), 1);
            } else if (re instanceof Cat cat) {
                Frag out = null;
                for (Re item : cat.items()) {
                    out = then(out, compile(item));
                }
                return out != null ? out : single(add(JMP, -1, -1, null), 1);
            } else if (re instanceof Alt alt) {
                Frag out = compile(alt.items().get(0));
                for (int i = 1; i < alt.items().size(); i++) {
                    Frag right = compile(alt.items().get(i));
                    int split = add(SPLIT, out.start(), right.start(), null);
                    List<int[]> exits = new ArrayList<>(out.exits());
                    exits.addAll(right.exits());
                    out = new Frag(split, exits);
                }
                return out;
            }
            Rep rep = (Rep) re;
            Frag out = null;
            for (int i = 0; i < rep.min(); i++) {
                out = then(out, compile(rep.item()));
            }
            if (rep.max() < 0) {
                Frag body = compile(rep.item());
                int split = add(SPLIT, body.start(), -1, null);
                patch(body, split);
                out = then(out, single(split, 2));
            } else {
                for (int i = rep.min(); i < rep.max(); i++) {
                    Frag body = compile(rep.item());
                    int split = add(SPLIT, body.start(), -1, null);
                    List<int[]> exits = new ArrayList<>(body.exits());
                    exits.add(new int[] {split, 2});
                    out = then(out, new Frag(split, exits));
                }
            }
            return out != null ? out : single(add(JMP, -1, -1, null), 1);
        }
    }

    // ---- subset construction

    /** Leaf nodes (CHAR, END, MATCH) reachable from {@code from} through SPLIT/JMP (and BEGIN or END when allowed). */
    private static void closure(Nfa nfa, int from, boolean allowBegin, boolean allowEnd, BitSet seen, BitSet out) {
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(from);
        while (!stack.isEmpty()) {
            int n = stack.pop();
            if (n < 0 || seen.get(n)) {
                continue;
            }
            seen.set(n);
            int[] node = nfa.nodes.get(n);
            switch (node[0]) {
                case SPLIT -> {
                    stack.push(node[2]);
                    stack.push(node[1]);
                }
                case JMP -> stack.push(node[1]);
                case BEGIN -> {
                    if (allowBegin) {
                        stack.push(node[1]);
                    }
                }
                case END -> {
                    if (allowEnd) {
                        stack.push(node[1]);
                    } else {
                        out.set(n);
                    }
                }
                default -> out.set(n);
            }
        }
    }

    private static AsciiDfa build(Nfa nfa, int start) {
        int n = nfa.nodes.size();
        // byte equivalence classes over the CHAR sets
        List<BitSet> charSets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (nfa.nodes.get(i)[0] == CHAR) {
                charSets.add(nfa.sets.get(i));
            }
        }
        byte[] byteClass = new byte[128];
        Map<BitSet, Integer> signatures = new HashMap<>();
        int[] representative = new int[128];
        for (int b = 0; b < 128; b++) {
            BitSet sig = new BitSet(charSets.size());
            for (int k = 0; k < charSets.size(); k++) {
                if (charSets.get(k).get(b)) {
                    sig.set(k);
                }
            }
            Integer cls = signatures.get(sig);
            if (cls == null) {
                cls = signatures.size();
                signatures.put(sig, cls);
                representative[cls] = b;
            }
            byteClass[b] = (byte) (int) cls;
        }
        int classes = signatures.size();

        BitSet inject = new BitSet(n);
        closure(nfa, start, false, false, new BitSet(n), inject);
        BitSet first = new BitSet(n);
        closure(nfa, start, true, false, new BitSet(n), first);

        Map<BitSet, Integer> ids = new HashMap<>();
        List<BitSet> states = new ArrayList<>();
        ids.put(first, 0);
        states.add(first);
        int[] table = new int[16 * classes];
        for (int s = 0; s < states.size(); s++) {
            BitSet cur = states.get(s);
            for (int k = 0; k < classes; k++) {
                int b = representative[k];
                BitSet nextSet = (BitSet) inject.clone();
                BitSet seen = new BitSet(n);
                for (int i = cur.nextSetBit(0); i >= 0; i = cur.nextSetBit(i + 1)) {
                    int[] node = nfa.nodes.get(i);
                    if (node[0] == CHAR && nfa.sets.get(i).get(b)) {
                        closure(nfa, node[1], false, false, seen, nextSet);
                    }
                }
                Integer id = ids.get(nextSet);
                if (id == null) {
                    if (states.size() >= MAX_STATES) {
                        return null;
                    }
                    id = states.size();
                    ids.put(nextSet, id);
                    states.add(nextSet);
                }
                int slot = s * classes + k;
                if (slot >= table.length) {
                    table = Arrays.copyOf(table, Math.max(table.length * 2, slot + classes));
                }
                table[slot] = id;
            }
        }
        int count = states.size();
        boolean[] accepting = new boolean[count];
        boolean[] atEnd = new boolean[count];
        boolean[] dead = new boolean[count];
        for (int s = 0; s < count; s++) {
            BitSet set = states.get(s);
            dead[s] = set.isEmpty();
            for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
                int kind = nfa.nodes.get(i)[0];
                if (kind == MATCH) {
                    accepting[s] = true;
                    atEnd[s] = true;
                } else if (kind == END) {
                    BitSet reach = new BitSet(n);
                    closure(nfa, i, false, true, new BitSet(n), reach);
                    for (int j = reach.nextSetBit(0); j >= 0; j = reach.nextSetBit(j + 1)) {
                        if (nfa.nodes.get(j)[0] == MATCH) {
                            atEnd[s] = true;
                        }
                    }
                }
            }
        }
        return new AsciiDfa(byteClass, classes, Arrays.copyOf(table, count * classes), accepting, atEnd, dead, 0);
    }
}
