package org.gitterjakarta.mongo.control;

import jakarta.data.exceptions.MappingException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jnosql.mapping.metadata.ConstructorBuilder;
import org.eclipse.jnosql.mapping.metadata.ConstructorBuilderSupplier;
import org.eclipse.jnosql.mapping.metadata.ConstructorMetadata;
import org.eclipse.jnosql.mapping.metadata.ParameterMetaData;
import org.eclipse.jnosql.mapping.reflection.ReflectionConstructorBuilderSupplier;

/**
 * Builds JNoSQL's entities (our records) through their constructors as JNoSQL's own builder does,
 * but without the CDI event that builder fires for each entity. It looks that event up with {@code
 * CDI.current()}, and on Payara every such call walks the whole call stack to find the caller's
 * bean manager: a fifth to a third of the application's CPU while an instance reads many documents,
 * as when a thousand clients subscribe after a restart (gitter-bench, issue 18). Only JNoSQL's bean
 * validation of constructor arguments observes the event, and it is not used here. Registered as a
 * service like {@link GitterClassScanner} (JNoSQL takes the first it finds); for metadata it cannot
 * read the constructor of, JNoSQL's own builder is used.
 */
public final class EventlessConstructorBuilders implements ConstructorBuilderSupplier {

  private static final System.Logger LOGGER =
      System.getLogger(EventlessConstructorBuilders.class.getName());

  private static final ConstructorBuilderSupplier JNOSQL =
      new ReflectionConstructorBuilderSupplier();

  /** The constructor of JNoSQL's metadata, a record of a package-private type; null if absent. */
  private static final MethodHandle CONSTRUCTOR = constructorAccessor();

  @Override
  public ConstructorBuilder apply(ConstructorMetadata metadata) {
    Constructor<?> constructor = constructorOf(metadata);
    return constructor == null ? JNOSQL.apply(metadata) : new Builder(metadata, constructor);
  }

  private static Constructor<?> constructorOf(ConstructorMetadata metadata) {
    if (CONSTRUCTOR == null || !CONSTRUCTOR.type().parameterType(0).isInstance(metadata)) {
      return null;
    }
    try {
      return (Constructor<?>) CONSTRUCTOR.invoke(metadata);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      return null; // a record's accessor throws nothing else: JNoSQL's own builder then
    }
  }

  private static MethodHandle constructorAccessor() {
    try {
      Class<?> type =
          Class.forName(
              "org.eclipse.jnosql.mapping.reflection.DefaultConstructorMetadata",
              false,
              ReflectionConstructorBuilderSupplier.class.getClassLoader());
      Method accessor = type.getMethod("constructor");
      accessor.setAccessible(true);
      return MethodHandles.lookup().unreflect(accessor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "JNoSQL's constructor metadata is not as expected; its own builder is used",
          e);
      return null;
    }
  }

  /** What a parameter gets that the document does not hold, as JNoSQL's own builder gives it. */
  static Object emptyValue(Class<?> type) {
    if (type == boolean.class) {
      return Boolean.FALSE;
    }
    if (type == char.class) {
      return '\0';
    }
    // a zero byte, which reflection widens to any other primitive parameter
    return type.isPrimitive() ? (byte) 0 : null;
  }

  private static final class Builder implements ConstructorBuilder {

    private final ConstructorMetadata metadata;
    private final Constructor<?> constructor;
    private final Class<?>[] types;
    private final List<Object> values;

    Builder(ConstructorMetadata metadata, Constructor<?> constructor) {
      this.metadata = metadata;
      this.constructor = constructor;
      this.types = constructor.getParameterTypes();
      this.values = new ArrayList<>(types.length);
    }

    @Override
    public List<ParameterMetaData> parameters() {
      return metadata.parameters();
    }

    @Override
    public void add(Object value) {
      values.add(value);
    }

    @Override
    public void addEmptyParameter() {
      values.add(emptyValue(types[values.size()]));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T build() {
      try {
        return (T) constructor.newInstance(values.toArray());
      } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
        throw new MappingException(
            "There is an issue to create a new instance of this class using this constructor: "
                + constructor,
            e);
      }
    }
  }
}
