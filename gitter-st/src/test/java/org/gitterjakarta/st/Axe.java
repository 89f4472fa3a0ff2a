package org.gitterjakarta.st;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** axe-core (WCAG 2.1 A and AA rules) run inside the page a browser test is on. */
final class Axe {

  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private Axe() {}

  /** The serious and critical violations of the page as it is now, one line each; empty if none. */
  static String seriousViolations(WebDriver driver) {
    List<Rule> violations = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver).getViolations();
    return violations.stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
        .map(
            rule ->
                driver.getCurrentUrl()
                    + ": "
                    + rule.getId()
                    + " ("
                    + rule.getImpact()
                    + ") "
                    + rule.getHelp()
                    + " at "
                    + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .limit(3)
                        .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }
}
