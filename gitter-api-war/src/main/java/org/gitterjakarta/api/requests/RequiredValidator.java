package org.gitterjakarta.api.requests;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Checks one {@link Required} field of a request record. */
public class RequiredValidator implements ConstraintValidator<Required, Record> {

  private String field;

  @Override
  public void initialize(Required required) {
    this.field = required.field();
  }

  @Override
  public boolean isValid(Record request, ConstraintValidatorContext context) {
    if (request == null) {
      return true;
    }
    RecordComponent component =
        Arrays.stream(request.getClass().getRecordComponents())
            .filter(c -> c.getName().equals(field))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No field " + field + " in " + request));
    try {
      Object value = component.getAccessor().invoke(request);
      return value != null && !(value instanceof String text && text.isBlank());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + field + " of " + request, e);
    }
  }
}
