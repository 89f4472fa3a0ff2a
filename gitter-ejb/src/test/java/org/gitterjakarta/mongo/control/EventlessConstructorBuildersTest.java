package org.gitterjakarta.mongo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.data.exceptions.MappingException;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;
import org.eclipse.jnosql.mapping.metadata.ConstructorBuilder;
import org.eclipse.jnosql.mapping.metadata.ConstructorMetadata;
import org.eclipse.jnosql.mapping.metadata.ParameterMetaData;
import org.eclipse.jnosql.mapping.reflection.ReflectionClassConverter;
import org.eclipse.jnosql.mapping.reflection.ReflectionConstructorBuilderSupplier;
import org.junit.jupiter.api.Test;

/**
 * Outside a CDI container, where {@code CDI.current()} fails: JNoSQL's own builder cannot build an
 * entity there, this one does, so it asks CDI for nothing.
 */
class EventlessConstructorBuildersTest {

  @Entity("samples")
  public record Sample(
      @Id String id,
      @Column String name,
      @Column int count,
      @Column long sent,
      @Column boolean removed,
      @Column char mark,
      @Column short level,
      @Column double score) {

    public Sample {
      if ("refused".equals(name)) {
        throw new IllegalArgumentException("no such name");
      }
    }
  }

  private static final ConstructorMetadata SAMPLE =
      new ReflectionClassConverter().apply(Sample.class).constructor();

  @Test
  void isTheConstructorBuilderJNoSqlFinds() {
    assertThat(ConstructorBuilder.CONSTRUCTOR_BUILDER_SUPPLIER)
        .isInstanceOf(EventlessConstructorBuilders.class);
  }

  @Test
  void buildsARecordFromItsValuesWithoutCdi() {
    ConstructorBuilder builder = new EventlessConstructorBuilders().apply(SAMPLE);
    builder.add("s1");
    builder.add("first");
    builder.add(3);
    builder.add(42L);
    builder.add(true);
    builder.add('x');
    builder.add((short) 7);
    builder.add(0.5);

    Sample built = builder.build();

    assertThat(built).isEqualTo(new Sample("s1", "first", 3, 42L, true, 'x', (short) 7, 0.5));
    assertThat(builder.parameters()).isEqualTo(SAMPLE.parameters());
  }

  @Test
  void givesMissingParametersTheValuesJNoSqlGivesThem() {
    ConstructorBuilder builder = new EventlessConstructorBuilders().apply(SAMPLE);
    for (int i = 0; i < SAMPLE.parameters().size(); i++) {
      builder.addEmptyParameter();
    }

    Sample built = builder.build();

    assertThat(built).isEqualTo(new Sample(null, null, 0, 0L, false, '\0', (short) 0, 0.0));
  }

  @Test
  void aConstructorThatRefusesItsValuesIsAMappingException() {
    ConstructorBuilder builder = new EventlessConstructorBuilders().apply(SAMPLE);
    builder.add("s2");
    builder.add("refused");
    for (int i = 2; i < SAMPLE.parameters().size(); i++) {
      builder.addEmptyParameter();
    }

    assertThatThrownBy(builder::build)
        .isInstanceOf(MappingException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leavesMetadataOfAnotherKindToJNoSqlsOwnBuilder() {
    ConstructorMetadata other =
        new ConstructorMetadata() {
          @Override
          public List<ParameterMetaData> parameters() {
            return List.of();
          }

          @Override
          public boolean isDefault() {
            return true;
          }
        };

    assertThat(new EventlessConstructorBuilders().apply(other).getClass().getName())
        .isEqualTo("org.eclipse.jnosql.mapping.reflection.DefaultConstructorBuilder");
  }

  /** A tripwire: should JNoSQL stop firing its event, this class is no longer needed. */
  @Test
  void jnosqlsOwnBuilderNeedsCdiForTheSameEntity() {
    ConstructorBuilder builder = new ReflectionConstructorBuilderSupplier().apply(SAMPLE);
    for (int i = 0; i < SAMPLE.parameters().size(); i++) {
      builder.addEmptyParameter();
    }

    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
  }
}
