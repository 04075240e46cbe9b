package io.github.sfntest.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfntest.definition.StateMachineDefinition;
import io.github.sfntest.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coverage hits of any number of state machines: for each machine (name + definition hash, so two
 * versions never mix) the items covered and the tests that covered each. Thread-safe; merges with
 * other instances (other JVMs' raw files) and reads/writes the raw JSON format.
 */
public final class CoverageData {

  static final String FORMAT = "sfn-test-coverage-raw/1";

  /** One state machine version and its hits. */
  public static final class Machine {
    private final String name;
    private final String hash;
    private final JsonNode definition;
    private final Map<String, Set<String>> hits = new ConcurrentHashMap<>();
    private final Set<String> tests = new ConcurrentSkipListSet<>();
    private final AtomicLong executions = new AtomicLong();

    Machine(String name, String hash, JsonNode definition) {
      this.name = name;
      this.hash = hash;
      this.definition = definition;
    }

    public String name() {
      return name;
    }

    public String hash() {
      return hash;
    }

    /** The definition JSON (after substitutions), so a report needs nothing but the raw files. */
    public JsonNode definition() {
      return definition;
    }

    /** Item id to the tests that covered it (sorted). */
    public Map<String, Set<String>> hits() {
      Map<String, Set<String>> copy = new TreeMap<>();
      hits.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
      return copy;
    }

    /** The tests that ran this machine at all, sorted. */
    public Set<String> tests() {
      return new TreeSet<>(tests);
    }

    public long executions() {
      return executions.get();
    }

    void add(Collection<String> items, String test) {
      executions.incrementAndGet();
      tests.add(test);
      for (String item : items) {
        hits.computeIfAbsent(item, k -> new ConcurrentSkipListSet<>()).add(test);
      }
    }
  }

  private final Map<String, Machine> machines = new ConcurrentHashMap<>();

  /** The name + hash key of a definition. */
  public static String key(String name, String hash) {
    return name + "@" + hash;
  }

  /** A short content hash of a definition's JSON (after substitutions). */
  public static String hash(StateMachineDefinition definition) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(definition.toJson().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records that {@code test} covered {@code items} of {@code definition} (one execution). */
  public void add(StateMachineDefinition definition, String hash, Collection<String> items, String test) {
    Machine machine = machines.computeIfAbsent(key(definition.name(), hash),
        k -> new Machine(definition.name(), hash, Json.parse(definition.toJson())));
    machine.add(items, test);
  }

  public boolean isEmpty() {
    return machines.isEmpty();
  }

  /** The machines, sorted by name then hash. */
  public Collection<Machine> machines() {
    return new TreeMap<>(machines).values();
  }

  /** Adds everything of {@code other} to this. */
  public void merge(CoverageData other) {
    for (Machine m : other.machines.values()) {
      Machine mine = machines.computeIfAbsent(key(m.name, m.hash), k -> new Machine(m.name, m.hash, m.definition));
      mine.executions.addAndGet(m.executions.get());
      mine.tests.addAll(m.tests);
      m.hits.forEach((item, tests) -> mine.hits.computeIfAbsent(item, k -> new ConcurrentSkipListSet<>()).addAll(tests));
    }
  }

  /** The raw JSON document. */
  public ObjectNode toJson() {
    ObjectNode doc = Json.NODES.objectNode();
    doc.put("format", FORMAT);
    ArrayNode list = doc.putArray("machines");
    for (Machine m : machines()) {
      ObjectNode node = list.addObject();
      node.put("name", m.name);
      node.put("hash", m.hash);
      node.put("executions", m.executions.get());
      ArrayNode tests = node.putArray("tests");
      m.tests().forEach(tests::add);
      ObjectNode hits = node.putObject("hits");
      m.hits().forEach((item, t) -> {
        ArrayNode a = hits.putArray(item);
        t.forEach(a::add);
      });
      node.set("definition", m.definition);
    }
    return doc;
  }

  /**
   * Reads a raw JSON document.
   *
   * @throws IllegalArgumentException naming what is wrong if it is not one
   */
  public static CoverageData fromJson(JsonNode doc) {
    if (!FORMAT.equals(doc.path("format").asText())) {
      throw new IllegalArgumentException("not an sfn-test raw coverage file (expected \"format\": \"" + FORMAT
          + "\", found " + doc.path("format") + ")");
    }
    CoverageData data = new CoverageData();
    for (JsonNode node : doc.path("machines")) {
      String name = node.path("name").asText();
      String hash = node.path("hash").asText();
      if (name.isEmpty() || hash.isEmpty() || !node.path("definition").isObject()) {
        throw new IllegalArgumentException("a machine entry lacks name, hash or definition: " + Json.write(node).substring(0,
            Math.min(200, Json.write(node).length())));
      }
      Machine m = new Machine(name, hash, node.get("definition"));
      m.executions.set(node.path("executions").asLong());
      node.path("tests").forEach(t -> m.tests.add(t.asText()));
      Iterator<Map.Entry<String, JsonNode>> fields = node.path("hits").properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        Set<String> tests = new ConcurrentSkipListSet<>();
        e.getValue().forEach(t -> tests.add(t.asText()));
        m.hits.put(e.getKey(), tests);
      }
      data.machines.put(key(name, hash), m);
    }
    return data;
  }
}
