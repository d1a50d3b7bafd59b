package cn.hexi.newsroom.enrich.text;

import cn.hexi.newsroom.events.Mention;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Which characters of which texts are already claimed (by place names, say): overlap tests in the span's length. */
public final class Coverage {

    private final Map<Integer, BitSet> covered = new HashMap<>();

    public static Coverage of(Collection<Mention> mentions) {
        Coverage coverage = new Coverage();
        mentions.forEach(m -> coverage.claim(m.bodyIndex(), m.start(), m.end()));
        return coverage;
    }

    public void claim(int text, int start, int end) {
        covered.computeIfAbsent(text, k -> new BitSet()).set(start, end);
    }

    /** Whether any character of [start, end) is claimed. */
    public boolean overlaps(int text, int start, int end) {
        BitSet bits = covered.get(text);
        return bits != null && bits.nextSetBit(start) >= 0 && bits.nextSetBit(start) < end;
    }

    /** Whether every character of [start, end) is claimed. */
    public boolean covers(int text, int start, int end) {
        BitSet bits = covered.get(text);
        return bits != null && (bits.nextClearBit(start) >= end);
    }
}
