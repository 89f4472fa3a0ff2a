package org.gitterjakarta.redis.control;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Selects the Redis client of one role: {@code @Inject @Redis(RedisRole.PERSIST) JedisPooled}. */
@Qualifier
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER})
public @interface Redis {

  RedisRole value();

  final class Literal extends AnnotationLiteral<Redis> implements Redis {
    private static final long serialVersionUID = 1L;
    private final RedisRole role;

    public Literal(RedisRole role) {
      this.role = role;
    }

    @Override
    public RedisRole value() {
      return role;
    }
  }
}
