package dev.falco4j.core.state;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} to an object, so that thread ids and fd numbers are
 * never boxed on the per-event path. Linear probing with backward-shift deletion (no tombstones), so
 * lookups stay short however many insert/remove cycles a long trace produces.
 *
 * <p>Iteration is by slot index ({@link #slotCount()}, {@link #valueAt(int)}) to avoid iterator
 * objects; the table must not be modified while walking it unless the walk restarts.
 *
 * <p>Not thread safe: owned by one event loop.
 */
final class LongObjectMap<V> {

  private static final int MIN_CAPACITY = 8;

  private long[] keys;
  private Object[] values;
  private int size;
  private int mask;
  private int resizeAt;

  LongObjectMap(int expected) {
    int cap = MIN_CAPACITY;
    while (cap * 3 / 4 < expected) {
      cap <<= 1;
    }
    allocate(cap);
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new Object[capacity];
    mask = capacity - 1;
    resizeAt = capacity * 3 / 4;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Number of entries. */
  int size() {
    return size;
  }

  /** The value for the key, or null. */
  @SuppressWarnings("unchecked")
  V get(long key) {
    int i = hash(key) & mask;
    Object[] vals = values;
    long[] ks = keys;
    while (true) {
      Object v = vals[i];
      if (v == null) {
        return null;
      }
      if (ks[i] == key) {
        return (V) v;
      }
      i = (i + 1) & mask;
    }
  }

  /** Stores a non-null value, returning the previous one or null. */
  @SuppressWarnings("unchecked")
  V put(long key, V value) {
    if (value == null) {
      throw new IllegalArgumentException("null value");
    }
    int i = hash(key) & mask;
    while (true) {
      Object v = values[i];
      if (v == null) {
        keys[i] = key;
        values[i] = value;
        if (++size > resizeAt) {
          grow();
        }
        return null;
      }
      if (keys[i] == key) {
        values[i] = value;
        return (V) v;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes the key, returning its value or null. */
  @SuppressWarnings("unchecked")
  V remove(long key) {
    int i = hash(key) & mask;
    while (true) {
      Object v = values[i];
      if (v == null) {
        return null;
      }
      if (keys[i] == key) {
        deleteSlot(i);
        return (V) v;
      }
      i = (i + 1) & mask;
    }
  }

  /** Backward-shift deletion: moves later members of the probe run into the hole. */
  private void deleteSlot(int hole) {
    size--;
    int i = hole;
    while (true) {
      i = (i + 1) & mask;
      Object v = values[i];
      if (v == null) {
        break;
      }
      int home = hash(keys[i]) & mask;
      // The entry at i may move into the hole only if its home slot is not in (hole, i].
      boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
      if (movable) {
        keys[hole] = keys[i];
        values[hole] = v;
        hole = i;
      }
    }
    values[hole] = null;
    keys[hole] = 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    allocate(oldKeys.length << 1);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        reinsert(oldKeys[i], oldValues[i]);
      }
    }
  }

  private void reinsert(long key, Object value) {
    int i = hash(key) & mask;
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Removes everything and, if the table had grown large, gives the memory back. */
  void clear() {
    if (keys.length > 4096) {
      allocate(MIN_CAPACITY);
    } else {
      Arrays.fill(values, null);
      Arrays.fill(keys, 0);
    }
    size = 0;
  }

  /** Number of slots, for index-based iteration. */
  int slotCount() {
    return values.length;
  }

  /** The value in a slot, or null when the slot is empty. */
  @SuppressWarnings("unchecked")
  V valueAt(int slot) {
    return (V) values[slot];
  }

  /** The key in a slot; meaningful only when {@link #valueAt(int)} is non-null. */
  long keyAt(int slot) {
    return keys[slot];
  }
}
