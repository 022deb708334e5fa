package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongObjectMapTest {

  @Test
  void behavesLikeHashMapUnderRandomInsertRemove() {
    LongObjectMap<String> map = new LongObjectMap<>(4);
    Map<Long, String> ref = new HashMap<>();
    Random rnd = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      long key = rnd.nextInt(5000) - 100; // negatives and clustering
      int op = rnd.nextInt(3);
      if (op == 0) {
        assertThat(map.remove(key)).isEqualTo(ref.remove(key));
      } else {
        String v = "v" + i;
        assertThat(map.put(key, v)).isEqualTo(ref.put(key, v));
      }
      if (i % 997 == 0) {
        assertThat(map.size()).isEqualTo(ref.size());
        for (Map.Entry<Long, String> e : ref.entrySet()) {
          assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
      }
    }
    int seen = 0;
    for (int s = 0; s < map.slotCount(); s++) {
      if (map.valueAt(s) != null) {
        assertThat(ref.get(map.keyAt(s))).isEqualTo(map.valueAt(s));
        seen++;
      }
    }
    assertThat(seen).isEqualTo(ref.size());
  }

  @Test
  void extremeKeysAndClear() {
    LongObjectMap<String> map = new LongObjectMap<>(0);
    map.put(Long.MIN_VALUE, "min");
    map.put(Long.MAX_VALUE, "max");
    map.put(0, "zero");
    assertThat(map.get(Long.MIN_VALUE)).isEqualTo("min");
    assertThat(map.get(0)).isEqualTo("zero");
    assertThat(map.get(1)).isNull();
    map.clear();
    assertThat(map.size()).isZero();
    assertThat(map.get(0)).isNull();
  }

  @Test
  void rejectsNullValues() {
    LongObjectMap<String> map = new LongObjectMap<>(1);
    assertThatThrownBy(() -> map.put(1, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
