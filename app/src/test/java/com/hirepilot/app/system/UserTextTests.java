package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTextTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b",
        "a\u0007b",
        "a\u001bb",
        "a\u007fb",
        "a\u0085b",
        "a\u202ab",
        "a\u202eb",
        "a\u2066b",
        "a\u2069b",
        "a\ud800b",
        "a\udc00b",
        "end\ud83d"
      })
  void refusesControlsBidiOverridesAndLoneSurrogatesNamingTheField(String text) {
    assertThatThrownBy(() -> UserText.clean("comment", text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("comment");
              assertThat(e.getMessage()).startsWith("comment contains").contains("U+");
            });
  }

  @Test
  void keepsTabsNewlinesEmojiAndOrdinaryTextAndNormalisesToNfc() {
    assertThat(UserText.clean("f", "Ren\u0065\u0301e\tok\nnext")).isEqualTo("Ren\u00e9e\tok\nnext");
    assertThat(UserText.clean("f", "a\r\nb\rc")).isEqualTo("a\nb\nc");
    assertThat(UserText.clean("f", "Great 👍 fit, שלום, 東京")).isEqualTo("Great 👍 fit, שלום, 東京");
    assertThat(UserText.clean("f", null)).isNull();
  }
}
