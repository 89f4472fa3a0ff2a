package org.gitterjakarta.portability.boundary;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One export file, allowed and counted, not yet written: {@code fileName} for the download, {@code
 * body} writes its lines to the response as they are read.
 */
public record Export(String fileName, Body body) {

  /** Newline-delimited JSON, streamed: at most one batch is held in memory. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  public static final String MEDIA_TYPE = "application/x-ndjson";
}
