package dev.jotter.platform.graphql;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaPrinter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /graphql/schema.graphql}: the served schema in SDL, as checked in. */
@WebServlet(name = "GraphQLSchema", urlPatterns = "/graphql/schema.graphql")
public class GraphQLSchemaServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private transient volatile String sdl;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setContentType("text/plain;charset=UTF-8");
    res.setHeader("Cache-Control", "no-cache");
    res.getWriter().write(sdl());
  }

  private String sdl() {
    String printed = sdl;
    if (printed == null) {
      GraphQLSchema schema =
          (GraphQLSchema) getServletContext().getAttribute(GraphQLBootstrap.SCHEMA_ATTRIBUTE);
      printed = new SchemaPrinter(BatchFieldDirectives.PRINTER).print(schema);
      sdl = printed;
    }
    return printed;
  }
}
