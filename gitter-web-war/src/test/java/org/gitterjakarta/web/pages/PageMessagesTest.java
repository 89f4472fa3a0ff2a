package org.gitterjakarta.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.faces.application.FacesMessage;
import java.util.ArrayList;
import java.util.List;
import org.gitterjakarta.problems.Problem;
import org.junit.jupiter.api.Test;

class PageMessagesTest {

  final List<FacesMessage> shown = new ArrayList<>();

  final PageMessages cut =
      new PageMessages() {
        @Override
        void show(FacesMessage message) {
          shown.add(message);
        }
      };

  @Test
  void answersTheResultOfAnActionTheDomainAccepts() {
    assertThat(cut.attempt(() -> "/rooms.xhtml", null)).isEqualTo("/rooms.xhtml");
    assertThat(shown).isEmpty();
  }

  @Test
  void showsARefusalAsAnErrorAndAnswersTheFallback() {
    String outcome =
        cut.attempt(
            () -> {
              throw Problem.conflict("That name is taken");
            },
            null);

    assertThat(outcome).isNull();
    assertThat(shown).singleElement().satisfies(m -> isError(m, "That name is taken"));
  }

  @Test
  void saysWhetherAChangeWasMade() {
    assertThat(cut.attempt(() -> {})).isTrue();
    assertThat(
            cut.attempt(
                () -> {
                  throw Problem.notAllowed("Only admins can do that");
                }))
        .isFalse();
    assertThat(shown).singleElement().satisfies(m -> isError(m, "Only admins can do that"));
  }

  @Test
  void letsFailuresOtherThanRefusalsFailTheRequest() {
    assertThatThrownBy(
            () ->
                cut.attempt(
                    () -> {
                      throw new IllegalStateException("store down");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(shown).isEmpty();
  }

  @Test
  void showsInformationAndErrorsOfTheBeanItself() {
    cut.info("Token revoked");
    cut.error("Wrong username or password");

    assertThat(shown)
        .extracting(FacesMessage::getSeverity, FacesMessage::getSummary)
        .containsExactly(
            tuple(FacesMessage.SEVERITY_INFO, "Token revoked"),
            tuple(FacesMessage.SEVERITY_ERROR, "Wrong username or password"));
  }

  private static void isError(FacesMessage message, String text) {
    assertThat(message.getSeverity()).isEqualTo(FacesMessage.SEVERITY_ERROR);
    assertThat(message.getSummary()).isEqualTo(text);
  }
}
