package dev.jotter.content.persistence;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.content.api.BlogSettings.NavigationItem;
import dev.jotter.content.domain.BlogSettingsStore;
import dev.jotter.content.domain.SavedBlogSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings in the one row of {@code blog_settings}; the menus as JSON arrays. */
@ApplicationScoped
public class JpaBlogSettingsStore implements BlogSettingsStore {

  private static final String COLUMNS =
      "title, description, locale, logo, icon, cover_image, accent_color, navigation,"
          + " secondary_navigation, updated_at";

  @PersistenceContext(unitName = "jotter")
  EntityManager em;

  @Override
  public SavedBlogSettings read() {
    return read("");
  }

  @Override
  public SavedBlogSettings readForUpdate() {
    return read(" for update");
  }

  private SavedBlogSettings read(String lock) {
    List<?> rows =
        em.createNativeQuery("select " + COLUMNS + " from blog_settings where id = 1" + lock)
            .getResultList();
    if (rows.isEmpty()) {
      throw new IllegalStateException("blog_settings has no row: the V11 migration did not run");
    }
    Object[] row = (Object[]) rows.get(0);
    return new SavedBlogSettings(
        (String) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        menu((String) row[7]),
        menu((String) row[8]),
        timestamp(row[9]));
  }

  @Override
  public void write(SavedBlogSettings s) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("title", s.title());
    values.put("description", s.description());
    values.put("locale", s.locale());
    values.put("logo", s.logo());
    values.put("icon", s.icon());
    values.put("cover_image", s.coverImage());
    values.put("accent_color", s.accentColor());
    values.put("navigation", json(s.navigation()));
    values.put("secondary_navigation", json(s.secondaryNavigation()));
    values.put(
        "updated_at",
        s.updatedAt() == null ? null : s.updatedAt().withOffsetSameInstant(ZoneOffset.UTC));
    // a null is written as the literal: PostgreSQL cannot tell the type of a bound null
    List<String> sets = new ArrayList<>();
    List<Object> bound = new ArrayList<>();
    values.forEach(
        (column, value) -> {
          sets.add(column + (value == null ? " = null" : " = ?"));
          if (value != null) {
            bound.add(value);
          }
        });
    Query update =
        em.createNativeQuery(
            "update blog_settings set " + String.join(", ", sets) + " where id = 1");
    for (int i = 0; i < bound.size(); i++) {
      update.setParameter(i + 1, bound.get(i));
    }
    update.executeUpdate();
  }

  static String json(List<NavigationItem> items) {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    items.forEach(
        i -> array.add(JSON.createObjectBuilder().add("label", i.label()).add("url", i.url())));
    return array.build().toString();
  }

  static List<NavigationItem> menu(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      JsonArray array = reader.readArray();
      List<NavigationItem> items = new ArrayList<>();
      for (JsonObject item : array.getValuesAs(JsonObject.class)) {
        items.add(new NavigationItem(item.getString("label"), item.getString("url")));
      }
      return items;
    }
  }

  private static OffsetDateTime timestamp(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime at) {
      return at;
    }
    if (value instanceof java.sql.Timestamp at) {
      return at.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof java.time.LocalDateTime at) {
      return at.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("Unexpected timestamp " + value);
  }
}
