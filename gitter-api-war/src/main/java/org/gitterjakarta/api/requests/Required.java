package org.gitterjakarta.api.requests;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A request record's field that must be present and, for text, not blank. Declared on the record
 * rather than as {@code @NotBlank} on its component: Payara's OpenAPI generator fails on constraint
 * annotations of record components and then leaves most routes out of {@code /openapi}.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Repeatable(Required.List.class)
@Constraint(validatedBy = RequiredValidator.class)
public @interface Required {

  /** The record component's name. */
  String field();

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  @Target(TYPE)
  @Retention(RUNTIME)
  @interface List {
    Required[] value();
  }
}
