package org.gitterjakarta.mongo.control;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/** Recognises a unique-index violation, however deep JNoSQL or the driver wrapped it. */
public final class DuplicateKeys {

  private DuplicateKeys() {}

  public static boolean isDuplicateKey(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MongoServerException server
          && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
