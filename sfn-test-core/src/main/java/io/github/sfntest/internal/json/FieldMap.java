package io.github.sfntest.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of a small JSON object the engine builds (payload templates, {@code $$}, event
 * details): two arrays in insertion order instead of a {@link LinkedHashMap}'s table and one
 * entry object per member. A four-member object costs about 90 bytes instead of about 290, and
 * a template's objects all share its key array. It behaves as an insertion-ordered map in every
 * respect (Jackson's {@code ObjectNode} reads and writes its members only through {@link Map});
 * past {@link #LINEAR_LIMIT} members it moves them into a {@link LinkedHashMap}, so lookups never
 * scan a long array.
 */
public final class FieldMap extends AbstractMap<String, JsonNode> {

  /** Most members kept in arrays; lookups scan them, which beats hashing for a few short keys. */
  static final int LINEAR_LIMIT = 12;

  private String[] keys;
  private JsonNode[] values;
  private int size;
  /** {@link #keys} belongs to a template and holds the keys expected next, in order: copied before any other change. */
  private boolean sharedKeys;
  /** The members once there are more than {@link #LINEAR_LIMIT}; the arrays are dropped then. */
  private LinkedHashMap<String, JsonNode> large;
  private int modCount;

  /** An empty map with room for {@code capacity} members (at most {@link #LINEAR_LIMIT} are kept in arrays). */
  public FieldMap(int capacity) {
    keys = new String[Math.max(1, capacity)];
    values = new JsonNode[keys.length];
  }

  private FieldMap(String[] expectedKeys) {
    keys = expectedKeys;
    values = new JsonNode[expectedKeys.length];
    sharedKeys = true;
  }

  /**
   * An empty map that expects {@code expectedKeys}, put in that order: they are not copied (the
   * caller never changes the array), and a put of any other key, or out of order, copies them.
   */
  public static FieldMap expecting(String[] expectedKeys) {
    if (expectedKeys.length == 0) {
      return new FieldMap(1);
    }
    return new FieldMap(expectedKeys);
  }

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  private int indexOf(Object key) {
    String[] k = keys;
    for (int i = 0; i < size; i++) {
      if (k[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public JsonNode get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int i = indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return large != null ? large.containsKey(key) : indexOf(key) >= 0;
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    Objects.requireNonNull(key, "key");
    if (large != null) {
      return large.put(key, value);
    }
    // A template's next key, in its order: no search needed (the template's keys are distinct).
    if (sharedKeys && size < keys.length && keys[size] == key) {
      values[size++] = value;
      modCount++;
      return null;
    }
    int i = indexOf(key);
    if (i >= 0) {
      JsonNode old = values[i];
      values[i] = value;
      return old;
    }
    if (size >= LINEAR_LIMIT) {
      large = new LinkedHashMap<>(LINEAR_LIMIT * 2 + 2);
      for (int j = 0; j < size; j++) {
        large.put(keys[j], values[j]);
      }
      keys = null;
      values = null;
      size = 0;
      modCount++;
      return large.put(key, value);
    }
    ownKeys(size + 1);
    keys[size] = key;
    values[size++] = value;
    modCount++;
    return null;
  }

  /** Makes {@link #keys} this map's own, with room for {@code needed} members. */
  private void ownKeys(int needed) {
    if (sharedKeys || needed > keys.length) {
      int capacity = needed > keys.length ? Math.min(LINEAR_LIMIT, Math.max(needed, keys.length * 2)) : keys.length;
      keys = Arrays.copyOf(keys, capacity);
      values = Arrays.copyOf(values, capacity);
      if (sharedKeys) {
        Arrays.fill(keys, size, keys.length, null); // the template's later keys are not members
      }
      sharedKeys = false;
    }
  }

  @Override
  public JsonNode remove(Object key) {
    if (large != null) {
      return large.remove(key);
    }
    int i = indexOf(key);
    return i < 0 ? null : removeAt(i);
  }

  private JsonNode removeAt(int i) {
    ownKeys(size);
    JsonNode old = values[i];
    int tail = size - i - 1;
    System.arraycopy(keys, i + 1, keys, i, tail);
    System.arraycopy(values, i + 1, values, i, tail);
    size--;
    keys[size] = null;
    values[size] = null;
    modCount++;
    return old;
  }

  @Override
  public void clear() {
    if (large != null) {
      large.clear();
      return;
    }
    if (sharedKeys) {
      keys = new String[keys.length];
      values = new JsonNode[keys.length];
      sharedKeys = false;
    } else {
      Arrays.fill(keys, 0, size, null);
      Arrays.fill(values, 0, size, null);
    }
    size = 0;
    modCount++;
  }

  @Override
  public void forEach(java.util.function.BiConsumer<? super String, ? super JsonNode> action) {
    if (large != null) {
      large.forEach(action);
      return;
    }
    int expected = modCount;
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], values[i]);
      if (modCount != expected) {
        throw new ConcurrentModificationException();
      }
    }
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return large != null ? large.entrySet().iterator() : new Entries();
      }

      @Override
      public int size() {
        return FieldMap.this.size();
      }
    };
  }

  /** Walks the arrays; each entry reads and writes through to its slot. */
  private final class Entries implements Iterator<Map.Entry<String, JsonNode>> {
    private int next;
    private int last = -1;
    private int expectedModCount = modCount;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Map.Entry<String, JsonNode> next() {
      if (expectedModCount != modCount || large != null) {
        throw new ConcurrentModificationException();
      }
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new Slot(last);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException();
      }
      if (expectedModCount != modCount || large != null) {
        throw new ConcurrentModificationException();
      }
      removeAt(last);
      next = last;
      last = -1;
      expectedModCount = modCount;
    }
  }

  /** One member, as {@link Map.Entry}'s contract wants it (equals and hashCode by key and value). */
  private final class Slot implements Map.Entry<String, JsonNode> {
    private final int index;
    private final String key;

    Slot(int index) {
      this.index = index;
      this.key = keys[index];
    }

    @Override
    public String getKey() {
      return key;
    }

    @Override
    public JsonNode getValue() {
      return large == null && index < size && keys[index] == key ? values[index] : FieldMap.this.get(key);
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      return put(key, value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return key.hashCode() ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return key + "=" + getValue();
    }
  }
}
