package org.gitterjakarta.api.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageTagsTest {

  static final String TAG = "\"1f2e3d4c5b6a7988-2a\"";

  @Test
  void aListNamingTheTagMatchesStrongOrWeak() {
    assertThat(PageTags.matches(TAG, TAG)).isTrue();
    assertThat(PageTags.matches("W/" + TAG, TAG)).isTrue();
    assertThat(PageTags.matches("\"other\", " + TAG, TAG)).isTrue();
    assertThat(PageTags.matches("*", TAG)).isTrue();
    assertThat(PageTags.matches(" * ", TAG)).isTrue();
  }

  @Test
  void otherTagsNoHeaderAndMalformedListsMatchNothing() {
    assertThat(PageTags.matches(null, TAG)).isFalse();
    assertThat(PageTags.matches("\"other\"", TAG)).isFalse();
    assertThat(PageTags.matches("not-a-tag", TAG)).isFalse();
    assertThat(PageTags.matches(TAG + ", not-a-tag", TAG)).as("one malformed element").isFalse();
    assertThat(PageTags.matches("\"", TAG)).isFalse();
    assertThat(PageTags.matches("", TAG)).isFalse();
    assertThat(PageTags.matches(TAG + ", *", TAG)).as("* only stands alone").isFalse();
    assertThat(PageTags.matches("\"a,b\", " + TAG, TAG))
        .as("a comma inside a tag: answered in full")
        .isFalse();
  }
}
