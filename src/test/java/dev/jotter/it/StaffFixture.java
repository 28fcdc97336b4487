package dev.jotter.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff users for the authoring tests, signed in over HTTP. The test server's blog is claimed once
 * (setup) by the first test class that needs it; later classes sign in. One user per role, created
 * by the administrator when missing, all with {@link #PASSWORD}.
 */
final class StaffFixture {

  static final String PASSWORD = "a long test password";
  static final String ADMIN_EMAIL = "administrator@jotter.test";

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private final GraphQLClient client;

  StaffFixture(GraphQLClient client) {
    this.client = client;
  }

  /** The administrator's token: claims the blog when nobody has yet. */
  String admin() {
    return TOKENS.computeIfAbsent(
        ADMIN_EMAIL,
        email -> {
          JsonObject setup =
              client.query(
                  "mutation($e: String!, $p: String!) {"
                      + " setup(email: $e, name: \"astro\", password: $p) { token } }",
                  vars("e", email, "p", PASSWORD));
          if (code(setup) == null) {
            return setup.getJsonObject("data").getJsonObject("setup").getString("token");
          }
          if (!"FORBIDDEN".equals(code(setup))) {
            throw new AssertionError("setup failed: " + setup);
          }
          return login(email, PASSWORD);
        });
  }

  /** The token of the staff user with this role (CONTRIBUTOR, AUTHOR, EDITOR, ADMINISTRATOR). */
  String as(String role) {
    if (role.equals("ADMINISTRATOR")) {
      return admin();
    }
    return user(role.toLowerCase() + "@jotter.test", role);
  }

  /** The token of the staff user with this email, created with this role when missing. */
  String user(String email, String role) {
    return TOKENS.computeIfAbsent(
        email,
        e -> {
          JsonObject attempt = signIn(e, PASSWORD);
          if (code(attempt) == null) {
            return token(attempt);
          }
          create(e, "Test " + e.substring(0, e.indexOf('@')), role);
          return login(e, PASSWORD);
        });
  }

  /** Creates a staff user as the administrator; returns their id. */
  String create(String email, String name, String role) {
    JsonObject created =
        call(
            admin(),
            "mutation($i: StaffInput!) { createStaff(input: $i) { id } }",
            "i",
            Json.createObjectBuilder()
                .add("email", email)
                .add("name", name)
                .add("role", role)
                .add("password", PASSWORD)
                .build());
    if (code(created) != null) {
      throw new AssertionError("createStaff failed: " + created);
    }
    return created.getJsonObject("data").getJsonObject("createStaff").getString("id");
  }

  String login(String email, String password) {
    JsonObject response = signIn(email, password);
    if (code(response) != null) {
      throw new AssertionError("login failed: " + response);
    }
    return token(response);
  }

  JsonObject signIn(String email, String password) {
    return client.query(
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        vars("e", email, "p", password));
  }

  /** A query or mutation with variables given as name, value pairs, as this token's user. */
  JsonObject call(String token, String query, Object... variables) {
    return client.query(query, vars(variables), token);
  }

  /** The data of a call that must succeed. */
  JsonObject data(String token, String query, Object... variables) {
    JsonObject response = call(token, query, variables);
    if (response.containsKey("errors")) {
      throw new AssertionError("unexpected errors: " + response);
    }
    return response.getJsonObject("data");
  }

  /** The extensions.code of the first error, or null when there is none. */
  static String code(JsonObject response) {
    if (!response.containsKey("errors")) {
      return null;
    }
    return response
        .getJsonArray("errors")
        .getJsonObject(0)
        .getJsonObject("extensions")
        .getString("code");
  }

  static JsonObject vars(Object... pairs) {
    JsonObjectBuilder vars = Json.createObjectBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      Object value = pairs[i + 1];
      if (value == null) {
        vars.addNull(name);
      } else if (value instanceof JsonValue json) {
        vars.add(name, json);
      } else if (value instanceof Number n) {
        vars.add(name, n.longValue());
      } else {
        vars.add(name, value.toString());
      }
    }
    return vars.build();
  }

  private static String token(JsonObject loginResponse) {
    return loginResponse.getJsonObject("data").getJsonObject("login").getString("token");
  }
}
