package org.gitterjakarta.bench.report;

/** One target of issue 18 and how this run fared; {@code met} is null when it was not measured. */
public record Verdict(String target, String measured, Boolean met) {

  public String result() {
    return met == null ? "not measured" : met ? "met" : "missed";
  }
}
