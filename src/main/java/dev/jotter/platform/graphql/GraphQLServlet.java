package dev.jotter.platform.graphql;

import dev.jotter.platform.graphql.GraphQLHttpRequest.BadRequest;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /graphql}: GraphQL over HTTP on SmallRye's execution engine, following the GraphQL over
 * HTTP specification. POST takes {@code application/json}; GET runs queries only (a mutation over
 * GET is answered 405). {@code application/graphql-response+json} is used when the client accepts
 * it, with 400 for requests the engine refused; plain {@code application/json} answers 200 with the
 * errors in the body. Every answer is JSON: a malformed request is a 4xx with an error code, never
 * an HTML page or a stack trace.
 */
@WebServlet(name = "GraphQL", urlPatterns = "/graphql", loadOnStartup = 1)
public class GraphQLServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(GraphQLServlet.class.getName());

  @Inject transient ExecutionService executionService;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-request-bytes", defaultValue = "1048576")
  long maxRequestBytes;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-query-cost", defaultValue = "50000")
  long maxQueryCost;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    ResponseMediaType media = ResponseMediaType.negotiate(req.getHeader("Accept"));
    try {
      switch (req.getMethod()) {
        case "POST" -> execute(readPost(req), media, res);
        case "GET" -> executeGet(req, media, res);
        default -> {
          res.setHeader("Allow", "GET, POST");
          throw new BadRequest(405, "METHOD_NOT_ALLOWED", "Use POST, or GET for queries.");
        }
      }
    } catch (BadRequest e) {
      if (e.status == 413) {
        res.setHeader("Connection", "close"); // the rest of the body is never read
      }
      write(res, e.status, media, GraphQLErrors.single(e.getMessage(), e.code));
    } catch (InvalidSyntaxException e) {
      // a GraphQL error, not an HTTP one: 200 for application/json, 400 for the new media type
      int status = media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
      write(res, status, media, GraphQLErrors.syntax(e));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "GraphQL request failed", e);
      if (!res.isCommitted()) {
        res.reset();
        write(
            res,
            500,
            media,
            GraphQLErrors.single(
                "Something went wrong on the server; the error was logged.",
                GraphQLErrors.INTERNAL_SERVER_ERROR));
      }
    }
  }

  private GraphQLHttpRequest readPost(HttpServletRequest req) throws IOException, BadRequest {
    String contentType = req.getContentType();
    if (contentType == null || !mediaType(contentType).equals("application/json")) {
      throw new BadRequest(
          415, "UNSUPPORTED_MEDIA_TYPE", "Send the request as Content-Type: application/json.");
    }
    String charset = req.getCharacterEncoding();
    if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
      throw new BadRequest(415, "UNSUPPORTED_MEDIA_TYPE", "Requests must be encoded in UTF-8.");
    }
    if (req.getContentLengthLong() > maxRequestBytes) {
      throw tooLarge();
    }
    String body = readUtf8(req.getInputStream());
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return GraphQLHttpRequest.fromJson(reader.readValue());
    } catch (JsonParsingException e) {
      throw new BadRequest("The request body is not valid JSON: " + e.getMessage());
    } catch (JsonException e) {
      throw new BadRequest("The request body is not valid JSON.");
    }
  }

  private void executeGet(HttpServletRequest req, ResponseMediaType media, HttpServletResponse res)
      throws IOException, BadRequest {
    String query = req.getParameter("query");
    if (query == null || query.isBlank()) {
      throw new BadRequest("A GET request needs a \"query\" parameter.");
    }
    GraphQLHttpRequest request =
        new GraphQLHttpRequest(
            query,
            req.getParameter("operationName"),
            jsonParameter(req, "variables"),
            jsonParameter(req, "extensions"));
    Document document = request.document();
    Optional<OperationDefinition> operation = request.selectedOperation(document);
    if (operation.isPresent()
        && operation.get().getOperation() != OperationDefinition.Operation.QUERY) {
      res.setHeader("Allow", "POST");
      throw new BadRequest(
          405,
          "METHOD_NOT_ALLOWED",
          "Only queries can be sent with GET: send "
              + operation.get().getOperation().name().toLowerCase(Locale.ROOT)
              + "s with POST.");
    }
    runWithinCost(request, document, operation, media, res);
  }

  private void execute(GraphQLHttpRequest request, ResponseMediaType media, HttpServletResponse res)
      throws IOException, BadRequest {
    Document document = request.document(); // refuses what is not GraphQL
    runWithinCost(request, document, request.selectedOperation(document), media, res);
  }

  /** Runs the operation unless it could resolve more fields than allowed (see QueryCost). */
  private void runWithinCost(
      GraphQLHttpRequest request,
      Document document,
      Optional<OperationDefinition> operation,
      ResponseMediaType media,
      HttpServletResponse res)
      throws IOException {
    long cost = operation.map(op -> QueryCost.of(document, op, request.variables())).orElse(0L);
    if (cost > maxQueryCost) {
      int status = media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
      write(
          res,
          status,
          media,
          GraphQLErrors.single(
              "This query could resolve up to "
                  + (cost == Long.MAX_VALUE ? "too many" : cost)
                  + " fields; the limit is "
                  + maxQueryCost
                  + ". Ask for fewer items (a smaller first) or nest fewer lists.",
              "QUERY_TOO_COMPLEX"));
      return;
    }
    run(request, media, res);
  }

  private void run(GraphQLHttpRequest request, ResponseMediaType media, HttpServletResponse res)
      throws IOException {
    ResponseCapture capture = new ResponseCapture();
    // SmallRye adds to the context map, so it must be mutable
    executionService.executeSync(request.toJson(), new HashMap<>(), capture);
    ExecutionResponse response = capture.response();
    boolean dataPresent = response.getExecutionResult().isDataPresent();
    JsonObject body = GraphQLErrors.shape(response.getExecutionResultAsJsonObject(), dataPresent);
    int status = !dataPresent && media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
    write(res, status, media, body);
  }

  /** Keeps what the engine produced, to be written once the status is known. */
  private static final class ResponseCapture implements ExecutionResponseWriter {
    private final AtomicReference<ExecutionResponse> response = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    @Override
    public void write(ExecutionResponse executionResponse) {
      response.set(executionResponse);
    }

    @Override
    public void fail(Throwable t) {
      failure.set(t);
    }

    ExecutionResponse response() {
      if (failure.get() != null) {
        throw new IllegalStateException("GraphQL execution failed", failure.get());
      }
      if (response.get() == null) {
        throw new IllegalStateException("GraphQL execution produced no response");
      }
      return response.get();
    }
  }

  private JsonObject jsonParameter(HttpServletRequest req, String name) throws BadRequest {
    String value = req.getParameter(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(value))) {
      return GraphQLHttpRequest.optionalObject(reader.readValue(), name);
    } catch (JsonException e) {
      throw new BadRequest("\"" + name + "\" must be a JSON object (a map).");
    }
  }

  private String readUtf8(InputStream in) throws IOException, BadRequest {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
    if (bytes.length > maxRequestBytes) {
      throw tooLarge();
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadRequest("The request body is not valid UTF-8.");
    }
  }

  private BadRequest tooLarge() {
    return new BadRequest(
        413, "PAYLOAD_TOO_LARGE", "The request body is larger than " + maxRequestBytes + " bytes.");
  }

  /**
   * The media type of a Content-Type header, without parameters. Browsers' fetch joins a header set
   * twice with ", " (GraphiQL sends "application/json, application/json"): the first counts.
   */
  private static String mediaType(String contentType) {
    String type = contentType.split("[;,]", 2)[0];
    return type.strip().toLowerCase(Locale.ROOT);
  }

  private static void write(
      HttpServletResponse res, int status, ResponseMediaType media, JsonValue body)
      throws IOException {
    res.setStatus(status);
    res.setContentType(media.contentType());
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(body.toString());
  }
}
