package io.github.sfntest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldMapTest {

  private static final String[] KEYS = {"i", "n", "a", "b"};

  @Test
  void behaves_as_an_insertion_ordered_map_under_random_changes() {
    Random random = new Random(42);
    for (int round = 0; round < 300; round++) {
      FieldMap map = round % 2 == 0 ? FieldMap.expecting(KEYS) : new FieldMap(random.nextInt(6));
      Map<String, JsonNode> model = new LinkedHashMap<>();
      for (int step = 0; step < 60; step++) {
        // Mostly the template's keys in order, sometimes others (up to past the linear limit).
        String key = random.nextInt(3) > 0 ? KEYS[model.size() % KEYS.length] : "k" + random.nextInt(20);
        IntNode value = IntNode.valueOf(random.nextInt(1000));
        switch (random.nextInt(8)) {
          case 0 -> assertThat(map.remove(key)).isEqualTo(model.remove(key));
          case 1 -> removeThroughIterator(map, model, random.nextInt(Math.max(1, model.size())));
          case 2 -> {
            if (random.nextInt(10) == 0) {
              map.clear();
              model.clear();
            }
          }
          case 3 -> setThroughEntry(map, model, key, value);
          default -> assertThat(map.put(key, value)).isEqualTo(model.put(key, value));
        }
        assertThat(new ArrayList<>(map.entrySet())).isEqualTo(new ArrayList<>(model.entrySet()));
        assertThat(map).isEqualTo(model);
        assertThat(model).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(model.hashCode());
        assertThat(map.get(key)).isEqualTo(model.get(key));
        assertThat(map.containsKey(key)).isEqualTo(model.containsKey(key));
        assertThat(map.size()).isEqualTo(model.size());
      }
    }
  }

  private static void removeThroughIterator(FieldMap map, Map<String, JsonNode> model, int index) {
    Iterator<Map.Entry<String, JsonNode>> a = map.entrySet().iterator();
    Iterator<Map.Entry<String, JsonNode>> b = model.entrySet().iterator();
    for (int i = 0; i <= index && a.hasNext(); i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
    if (!model.isEmpty()) {
      a.remove();
      b.remove();
    }
  }

  private static void setThroughEntry(FieldMap map, Map<String, JsonNode> model, String key, JsonNode value) {
    for (Map.Entry<String, JsonNode> e : map.entrySet()) {
      if (e.getKey().equals(key)) {
        assertThat(e.setValue(value)).isEqualTo(model.put(key, value));
        assertThat(e.getValue()).isEqualTo(value);
      }
    }
  }

  @Test
  void objects_of_one_template_share_its_keys_but_not_their_members() {
    ObjectNode first = Json.object(KEYS);
    ObjectNode second = Json.object(KEYS);
    for (int i = 0; i < KEYS.length; i++) {
      first.put(KEYS[i], i);
      second.put(KEYS[i], 10 + i);
    }
    // Changing one object (other keys, another order, removal) leaves the template's keys and the other object alone.
    first.remove("n");
    first.put("z", 9);
    ObjectNode third = Json.object(KEYS);
    third.put("b", 1);
    third.put("i", 2);

    assertThat(KEYS).containsExactly("i", "n", "a", "b");
    assertThat(Json.write(first)).isEqualTo("{\"i\":0,\"a\":2,\"b\":3,\"z\":9}");
    assertThat(Json.write(second)).isEqualTo("{\"i\":10,\"n\":11,\"a\":12,\"b\":13}");
    assertThat(Json.write(third)).isEqualTo("{\"b\":1,\"i\":2}");
  }

  @Test
  void an_object_node_over_it_reads_writes_and_compares_like_a_parsed_one() {
    ObjectNode node = Json.object(3);
    node.put("name", "Ada").put("n", 1).set("tags", Json.NODES.arrayNode().add("x"));
    JsonNode parsed = Json.parse("{\"name\":\"Ada\",\"n\":1,\"tags\":[\"x\"]}");

    assertThat(node).isEqualTo(parsed);
    assertThat(parsed).isEqualTo(node);
    assertThat(node.hashCode()).isEqualTo(parsed.hashCode());
    assertThat(Json.write(node)).isEqualTo(Json.write(parsed));
    assertThat(node.deepCopy()).isEqualTo(parsed);
    assertThat(node.path("tags").get(0).asText()).isEqualTo("x");
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("name", "n", "tags");
    node.retain("n");
    assertThat(Json.write(node)).isEqualTo("{\"n\":1}");
  }

  @Test
  void moves_to_a_hash_map_past_the_linear_limit_keeping_the_order() {
    ObjectNode node = Json.object(2);
    StringBuilder expected = new StringBuilder("{");
    for (int i = 0; i < FieldMap.LINEAR_LIMIT + 5; i++) {
      node.put("f" + i, i);
      expected.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
    }
    assertThat(Json.write(node)).isEqualTo(expected.append('}').toString());
    assertThat(node.get("f15").intValue()).isEqualTo(15);
    node.remove("f0");
    assertThat(node.size()).isEqualTo(FieldMap.LINEAR_LIMIT + 4);
  }

  @Test
  void fails_fast_when_changed_while_iterated() {
    FieldMap map = new FieldMap(4);
    map.put("a", IntNode.valueOf(1));
    map.put("b", IntNode.valueOf(2));
    Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
    it.next();
    map.put("c", IntNode.valueOf(3));
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
  }
}
