package org.gitterjakarta.api.errors;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.gitterjakarta.problems.Problem;

/**
 * A request body that is not JSON is the client's mistake: 400, not a server error. Only reading
 * passes through here, so a failure to write a response still shows up as the bug it is.
 */
@Provider
public class MalformedBodyInterceptor implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    try {
      return context.proceed();
    } catch (JsonException | JsonbException | ProcessingException e) {
      throw Problem.invalid("Malformed JSON body");
    }
  }
}
