package dev.xcomponent.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.model.Component;
import dev.xcomponent.domain.model.Transition;
import dev.xcomponent.domain.validation.ComponentKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docs/component.schema.json and the reader agree: same objects, known keys, required keys,
 * enumerations, limits and defaults. The schema is read with snakeyaml-engine (JSON is YAML).
 */
class SchemaAgreementTest {
  private static Map<String, Object> schema;

  @BeforeAll
  static void readSchema() throws IOException {
    Object tree =
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(Fixtures.schemaFile()));
    schema = asMap(tree);
    assertThat(schema.get("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) o;
  }

  /** The schema of an object by its ComponentKeys name: the root for "component". */
  private static Map<String, Object> object(String name) {
    return name.equals("component") ? schema : asMap(asMap(schema.get("$defs")).get(name));
  }

  private static Map<String, Object> property(String object, String key) {
    return asMap(asMap(object(object).get("properties")).get(key));
  }

  static Set<String> objectNames() {
    return ComponentKeys.KNOWN_KEYS.keySet();
  }

  @ParameterizedTest
  @MethodSource("objectNames")
  void knownKeysAreTheSchemaProperties(String name) {
    Set<String> expected = new java.util.LinkedHashSet<>(ComponentKeys.KNOWN_KEYS.get(name));
    if (name.equals("transition")) {
      expected.addAll(ComponentKeys.REMOVED_TRANSITION_KEYS);
      ComponentKeys.REMOVED_TRANSITION_KEYS.forEach(
          k -> assertThat(property("transition", k)).containsEntry("deprecated", true));
    }
    Map<String, Object> object = object(name);
    assertThat(object.get("type")).isEqualTo("object");
    assertThat(object.get("additionalProperties")).isEqualTo(false);
    assertThat(asMap(object.get("properties")).keySet())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @MethodSource("objectNames")
  void requiredKeysAgree(String name) {
    Object required = object(name).get("required");
    List<Object> inSchema = required == null ? List.of() : asList(required);
    assertThat(inSchema).containsExactlyInAnyOrderElementsOf(ComponentKeys.REQUIRED_KEYS.get(name));
  }

  @Test
  void everyObjectOfTheSchemaIsKnownToTheReader() {
    Set<String> defs = asMap(schema.get("$defs")).keySet();
    Set<String> objects = new java.util.HashSet<>(defs);
    objects.removeIf(d -> !"object".equals(asMap(asMap(schema.get("$defs")).get(d)).get("type")));
    objects.add("component");
    assertThat(objects).containsExactlyInAnyOrderElementsOf(ComponentKeys.KNOWN_KEYS.keySet());
    assertThat(ComponentKeys.REQUIRED_KEYS.keySet())
        .containsExactlyInAnyOrderElementsOf(ComponentKeys.KNOWN_KEYS.keySet());
  }

  @Test
  void enumerationsAgree() {
    Map<String, List<Object>> inSchema = new LinkedHashMap<>();
    inSchema.put("stateType", asList(property("state", "type").get("enum")));
    inSchema.put("transitionType", asList(property("transition", "type").get("enum")));
    inSchema.put("operator", asList(property("matchingRule", "operator").get("enum")));
    inSchema.put("entryMachineMode", asList(property("component", "entryMachineMode").get("enum")));
    inSchema.put("hookErrorPolicy", asList(property("component", "hookErrorPolicy").get("enum")));
    inSchema.put("contextFieldType", asList(property("contextField", "type").get("enum")));
    assertThat(inSchema.keySet()).containsExactlyElementsOf(ComponentKeys.ENUMS.keySet());
    ComponentKeys.ENUMS.forEach(
        (name, values) -> assertThat(inSchema.get(name)).as(name).containsExactlyElementsOf(values));
  }

  @Test
  void typeSpecificRequirementsOfTransitionsAgree() {
    Map<String, List<Object>> inSchema = new LinkedHashMap<>();
    for (Object rule : asList(object("transition").get("allOf"))) {
      Map<String, Object> ifPart = asMap(asMap(rule).get("if"));
      assertThat(asList(ifPart.get("required"))).containsExactly("type");
      Object type = asMap(asMap(ifPart.get("properties")).get("type")).get("const");
      inSchema.put((String) type, asList(asMap(asMap(rule).get("then")).get("required")));
    }
    assertThat(inSchema.keySet())
        .containsExactlyInAnyOrderElementsOf(ComponentKeys.REQUIRED_BY_TRANSITION_TYPE.keySet());
    ComponentKeys.REQUIRED_BY_TRANSITION_TYPE.forEach(
        (type, keys) -> assertThat(inSchema.get(type)).as(type).containsExactlyElementsOf(keys));
  }

  @Test
  void limitsAgree() {
    assertThat(property("component", "stateMachines"))
        .containsEntry("minItems", 1)
        .containsEntry("maxItems", ComponentKeys.MAX_MACHINES);
    assertThat(property("stateMachine", "states"))
        .containsEntry("minItems", 1)
        .containsEntry("maxItems", ComponentKeys.MAX_STATES);
    assertThat(property("stateMachine", "transitions"))
        .containsEntry("maxItems", ComponentKeys.MAX_TRANSITIONS)
        .doesNotContainKey("minItems");
    for (String[] list : new String[][] {{"transition", "matchingRules"},
        {"cascadingRule", "matchingRules"}, {"state", "cascadingRules"},
        {"contextField", "options"}}) {
      assertThat(property(list[0], list[1])).as(list[0] + "." + list[1])
          .containsEntry("maxItems", ComponentKeys.MAX_LIST_ITEMS);
    }
    assertThat(property("transition", "timeoutMs"))
        .containsEntry("type", "integer")
        .containsEntry("minimum", 0)
        .containsEntry("maximum", ComponentKeys.MAX_TIMEOUT_MS);
    assertThat(property("component", "hookTimeoutMs"))
        .containsEntry("type", "integer")
        .containsEntry("minimum", 1)
        .containsEntry("maximum", ComponentKeys.MAX_TIMEOUT_MS);
    assertThat(property("component", "name"))
        .containsEntry("pattern", ComponentKeys.NAME_PATTERN.pattern());
  }

  @Test
  void defaultsAgreeWithWhatTheReaderProduces() {
    LoadResult r = new YamlComponentLoader().load("defaults.yaml", """
        name: Defaults
        stateMachines:
          - name: M
            initialState: A
            states: [{name: A}, {name: B, type: final}]
            transitions:
              - from: A
                to: B
                event: GO
                matchingRules: [{eventProperty: a, instanceProperty: b}]
                notifyParent: {event: DONE}
        """);
    Component c = r.component();
    Transition t = c.machine("M").transitions().get(0);
    assertThat(property("component", "entryMachineMode").get("default"))
        .isEqualTo(c.entryMachineMode().name().toLowerCase(java.util.Locale.ROOT));
    assertThat(property("component", "hookErrorPolicy").get("default"))
        .isEqualTo(c.hookErrorPolicy().name().toLowerCase(java.util.Locale.ROOT));
    assertThat(property("state", "type").get("default"))
        .isEqualTo(c.machine("M").state("A").type().yamlName());
    assertThat(property("transition", "type").get("default")).isEqualTo(t.type().yamlName());
    assertThat(property("transition", "resetOnTransition").get("default"))
        .isEqualTo(t.resetOnTransition());
    assertThat(property("matchingRule", "operator").get("default"))
        .isEqualTo(t.matchingRules().get(0).operator().symbol());
    assertThat(property("notifyParent", "includeState").get("default"))
        .isEqualTo(t.notifyParent().includeState());
    assertThat(property("notifyParent", "includeContext").get("default"))
        .isEqualTo(t.notifyParent().includeContext());
    assertThat(property("parentLink", "enabled").get("default"))
        .isEqualTo(c.machine("M").parentLink().enabled());
  }
}
