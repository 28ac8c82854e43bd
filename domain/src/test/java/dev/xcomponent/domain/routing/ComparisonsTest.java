package dev.xcomponent.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xcomponent.domain.model.MatchingRule;
import dev.xcomponent.domain.model.Operator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonsTest {
  @Test
  void strictEqualityNeverCoercesButNumbersCompareByValue() {
    assertThat(Comparisons.compare(Operator.EQ, 1, "1")).isFalse();
    assertThat(Comparisons.compare(Operator.EQ, 1, 1.0)).isTrue();
    assertThat(Comparisons.compare(Operator.EQ, 1L, 1)).isTrue();
    assertThat(Comparisons.compare(Operator.NE, 1, "1")).isTrue();
    assertThat(Comparisons.compare(Operator.EQ, null, null)).isTrue();
    assertThat(Comparisons.compare(Operator.EQ, true, "true")).isFalse();
  }

  @Test
  void relationalOperatorsCoerceLikeJavaScript() {
    assertThat(Comparisons.compare(Operator.GT, 1000, 800)).isTrue();
    assertThat(Comparisons.compare(Operator.LT, "10", 9)).isFalse();
    assertThat(Comparisons.compare(Operator.LT, "abc", "abd")).isTrue();
    assertThat(Comparisons.compare(Operator.GE, 5, "5")).isTrue();
    assertThat(Comparisons.compare(Operator.LE, "x", 1)).as("NaN compares false").isFalse();
    assertThat(Comparisons.compare(Operator.GT, true, 0)).isTrue();
  }

  @Test
  void pathsDistinguishMissingFromNull() {
    Map<String, Object> data = new HashMap<>();
    data.put("a", null);
    data.put("b", Map.of("c", 3));
    assertThat(Paths.get(data, "a")).isNull();
    assertThat(Paths.get(data, "x")).isSameAs(Paths.MISSING);
    assertThat(Paths.get(data, "b.c")).isEqualTo(3);
    assertThat(Paths.get(data, "b.c.d")).isSameAs(Paths.MISSING);
    assertThat(Paths.get(data, "a.b")).isSameAs(Paths.MISSING);
  }

  @Test
  void rulesFailOnMissingValuesAndAllMustPass() {
    List<MatchingRule> rules = List.of(new MatchingRule("id", "id", Operator.EQ), new MatchingRule("t", "b", Operator.GT));
    assertThat(RuleEvaluator.matches(rules, Map.of("id", 1, "t", 5), Map.of("id", 1, "b", 9))).isTrue();
    assertThat(RuleEvaluator.matches(rules, Map.of("id", 1, "t", 10), Map.of("id", 1, "b", 9))).isFalse();
    assertThat(RuleEvaluator.matches(rules, Map.of("id", 1), Map.of("id", 1, "b", 9))).isFalse();
    assertThat(RuleEvaluator.matches(List.of(), Map.of(), Map.of())).isTrue();
  }

  @Test
  void contextMappingsKeepOnlyPresentKeys() {
    assertThat(ContextMappings.apply(Map.of("a", "x.y", "b", "nope"), Map.of("x", Map.of("y", 1))))
        .isEqualTo(Map.of("a", 1));
    assertThat(ContextMappings.apply(null, Map.of("k", 2))).isEqualTo(Map.of("k", 2));
  }
}
