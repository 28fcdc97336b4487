package dev.jotter.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.SchemaBuilder;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.graphql.DateFormat;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NumberFormat;
import org.eclipse.microprofile.graphql.Query;
import org.jboss.jandex.CompositeIndex;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direct fetchers give, for every field they serve, what SmallRye's own fetcher gives (its
 * getter's value through SmallRye's {@code FieldHelper}, which transforms and adapts it), and they
 * leave the fields SmallRye adapts to SmallRye. The fields come from SmallRye's schema builder, as
 * in the running server.
 */
class PlainFieldFetchersTest {

  private static final OffsetDateTime WHEN =
      OffsetDateTime.of(2026, 12, 7, 21, 5, 9, 0, ZoneOffset.UTC);

  private static Map<String, Field> fields;
  private static Reference owner;

  @BeforeAll
  static void buildTheSchema() throws IOException {
    Indexer indexer = new Indexer();
    for (Class<?> type :
        List.of(
            Api.class, Sample.class, Part.class, Kind.class, io.smallrye.graphql.api.Entry.class)) {
      try (InputStream in =
          type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
        indexer.index(in);
      }
    }
    IndexView index = indexer.complete();
    Schema schema = SchemaBuilder.build(index);
    Type sample = schema.getTypes().get("Sample");
    fields = new TreeMap<>(sample.getFields());
    owner = reference(Sample.class);
  }

  @Test
  void smallRyeFindsTheServiceThroughItsServicesFile() {
    assertTrue(
        ServiceLoader.load(DataFetcherService.class).stream()
            .anyMatch(provider -> provider.type() == PlainFieldFetchers.class));
  }

  @Test
  void everyFieldServedDirectlyAnswersWhatSmallRyesFetcherWould() throws Exception {
    Sample source = new Sample();
    List<String> direct = new ArrayList<>();
    for (Field field : fields.values()) {
      var fetcher = new PlainFieldFetchers().getFieldDataFetcher(field, null, owner);
      if (fetcher == null) {
        continue;
      }
      direct.add(field.getName());
      Object expected = smallRye(field, source);
      Object actual = fetcher.get(environment(source));
      assertEquals(expected, actual, field.getName()); // a list's elements, not its class
    }
    assertEquals(
        List.of(
            "count",
            "featured",
            "kind",
            "kinds",
            "missing",
            "names",
            "part",
            "parts",
            "price",
            "publishedAt",
            "ratio",
            "title",
            "total",
            "version",
            "when"),
        direct);
  }

  @Test
  void datesAndNumbersAreFormattedAsSmallRyeFormatsThem() throws Exception {
    Sample source = new Sample();
    assertEquals(
        "2026-12-07T21:05:09Z", fetch("publishedAt", source), "a date in ISO 8601, as before");
    assertEquals("07 Dec 2026", fetch("when", source), "@DateFormat still applies");
    assertEquals("1,234.50", fetch("price", source), "@NumberFormat still applies");
    assertEquals(42, fetch("count", source));
    assertEquals(List.of("a", "b"), fetch("names", source));
    assertNull(fetch("missing", source), "null stays null, transformed or not");
  }

  @Test
  void whatSmallRyeAdaptsOrCopiesElementByElementStaysWithSmallRye() {
    for (String name : List.of("array", "maybe", "dates", "uri", "byName", "matrix")) {
      assertNotNull(fields.get(name), name);
      assertNull(new PlainFieldFetchers().getFieldDataFetcher(fields.get(name), null, owner), name);
    }
  }

  @Test
  void everyFieldOfJottersOwnTypesIsServedDirectly() throws IOException {
    IndexView jotter;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(EarlySchema.INDEX)) {
      assertNotNull(in, "the build's index of the application's classes");
      jotter = new IndexReader(in).read();
    }
    Schema schema = SchemaBuilder.build(CompositeIndex.create(jotter, EarlySchema.smallRyeIndex()));
    List<String> served = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (Type type : schema.getTypes().values()) {
      Reference typeReference = reference(type.getClassName());
      for (Field field : type.getFields().values()) {
        var fetcher = new PlainFieldFetchers().getFieldDataFetcher(field, type, typeReference);
        (fetcher == null ? left : served).add(type.getName() + "." + field.getName());
      }
    }
    assertTrue(served.contains("Post.title"), served::toString);
    assertTrue(served.contains("Post.publishedAt"), served::toString);
    assertTrue(served.contains("Post.tags"), served::toString);
    assertEquals(List.of(), left);
  }

  @Test
  void aGetterThatThrowsThrowsItsOwnException() {
    Field failing = fields.get("title");
    var fetcher =
        new PlainFieldFetchers().getFieldDataFetcher(failing, null, reference(Failing.class));
    IllegalStateException thrown =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> fetcher.get(environment(new Failing())));
    assertEquals("no title", thrown.getMessage());
    assertFalse(PlainFieldFetchers.transformed(failing));
    assertInstanceOf(PlainFieldFetchers.PlainFieldFetcher.class, fetcher);
  }

  private static Reference reference(Class<?> type) {
    return reference(type.getName());
  }

  private static Reference reference(String className) {
    Reference reference = new Reference();
    reference.setClassName(className);
    reference.setName("Sample");
    return reference;
  }

  private static Object fetch(String name, Object source) throws Exception {
    return new PlainFieldFetchers()
        .getFieldDataFetcher(fields.get(name), null, owner)
        .get(environment(source));
  }

  private static Object smallRye(Field field, Sample source) throws Exception {
    String getter = field.getMethodName();
    Object value = Sample.class.getMethod(getter).invoke(source);
    return new FieldHelper(field).transformOrAdaptResponse(value, environment(source));
  }

  private static DataFetchingEnvironment environment(Object source) {
    return DataFetchingEnvironmentImpl.newDataFetchingEnvironment().source(source).build();
  }

  @GraphQLApi
  public static class Api {
    @Query
    public Sample sample() {
      return new Sample();
    }
  }

  public enum Kind {
    ESSAY,
    NOTE
  }

  public static class Part {
    public String getName() {
      return "part";
    }
  }

  /** One getter per kind of field Jotter's types have, and the kinds SmallRye adapts. */
  public static class Sample {
    private final Part part = new Part();

    public String getTitle() {
      return "Robots";
    }

    public int getCount() {
      return 42;
    }

    public long getVersion() {
      return 7L;
    }

    public Long getTotal() {
      return 9L;
    }

    public double getRatio() {
      return 0.25;
    }

    public boolean isFeatured() {
      return true;
    }

    public Kind getKind() {
      return Kind.ESSAY;
    }

    public OffsetDateTime getPublishedAt() {
      return WHEN;
    }

    public OffsetDateTime getMissing() {
      return null;
    }

    @DateFormat("dd MMM yyyy")
    public LocalDate getWhen() {
      return WHEN.toLocalDate();
    }

    @NumberFormat("#,##0.00")
    public BigDecimal getPrice() {
      return new BigDecimal("1234.5");
    }

    public Part getPart() {
      return part;
    }

    public List<Part> getParts() {
      return List.of(part, part);
    }

    public List<String> getNames() {
      return List.of("a", "b");
    }

    public List<OffsetDateTime> getDates() {
      return List.of(WHEN);
    }

    public List<List<String>> getMatrix() {
      return List.of(List.of("x"));
    }

    public String[] getArray() {
      return new String[] {"x"};
    }

    public Optional<String> getMaybe() {
      return Optional.of("x");
    }

    @AdaptToScalar(Scalar.String.class)
    public URI getUri() {
      return URI.create("https://jotter.dev/");
    }

    public Map<String, Part> getByName() {
      return Map.of("a", part);
    }

    public Set<Kind> getKinds() {
      return Set.of(Kind.NOTE);
    }
  }

  public static class Failing extends Sample {
    @Override
    public String getTitle() {
      throw new IllegalStateException("no title");
    }
  }
}
