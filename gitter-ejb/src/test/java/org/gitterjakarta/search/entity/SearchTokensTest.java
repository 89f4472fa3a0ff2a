package org.gitterjakarta.search.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTokensTest {

  @Test
  void storesWordsWithTheirPrefixesCaseAndAccentsFolded() {
    assertThat(SearchTokens.of("Crème BRÛLÉE!"))
        .contains("creme", "cr", "cre", "crem", "brulee", "br", "brul")
        .doesNotContain("c", "Crème", "brûlée");
    assertThat(SearchTokens.forQuery("BRÛL")).containsExactly("brul");
  }

  @Test
  void splitsOnPunctuationAndKeepsDigits() {
    assertThat(SearchTokens.of("release-2.4 on node_js"))
        .contains("release", "2", "4", "node", "js");
    assertThat(SearchTokens.forQuery("node_js")).containsExactly("node", "js");
  }

  @Test
  void indexesCjkTextAsCharactersAndPairs() {
    assertThat(SearchTokens.of("我喜欢猫")).contains("我", "喜", "我喜", "喜欢", "欢猫").doesNotContain("我喜欢猫");
    assertThat(SearchTokens.forQuery("喜欢")).containsExactly("喜欢");
    assertThat(SearchTokens.forQuery("猫")).containsExactly("猫");
    assertThat(SearchTokens.of("東京タワーに行く")).contains("東京", "タワ", "ワー");
    assertThat(SearchTokens.of("안녕하세요")).contains("안녕", "하세");
    assertThat(SearchTokens.of("がっこう")).contains("がっ").doesNotContain("かっ");
  }

  @Test
  void separatesCjkRunsFromLatinWords() {
    assertThat(SearchTokens.words("Java很好")).containsExactly("java", "很好");
  }

  @Test
  void boundsLongWordsAndLongTexts() {
    String word = "a".repeat(50);
    assertThat(SearchTokens.of(word)).contains(word, "a".repeat(20)).doesNotContain("a".repeat(25));
    assertThat(SearchTokens.forQuery(word)).containsExactly("a".repeat(20));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      many.append("w").append(i).append(' ');
    }
    assertThat(SearchTokens.of(many.toString())).hasSize(SearchTokens.MAX_TOKENS);
  }
}
