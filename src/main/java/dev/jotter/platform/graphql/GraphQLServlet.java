package dev.jotter.platform.graphql;

import dev.jotter.platform.graphql.GraphQLHttpRequest.BadRequest;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
  private static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";

  @Inject transient ExecutionService executionService;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-request-bytes", defaultValue = "1048576")
  long maxRequestBytes;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-query-cost", defaultValue = "50000")
  long maxQueryCost;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-tokens", defaultValue = "10000")
  int maxTokens;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-root-fields", defaultValue = "20")
  int maxRootFields;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-aliases", defaultValue = "100")
  int maxAliases;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-response-bytes", defaultValue = "8388608")
  long maxResponseBytes;

  @Inject
  @ConfigProperty(name = "jotter.graphql.timeout-millis", defaultValue = "10000")
  long timeoutMillis;

  @Inject transient RequestMetrics metrics;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse response) throws IOException {
    long started = System.nanoTime();
    ObservedResponse res = new ObservedResponse(response);
    try {
      answer(req, res);
    } finally {
      metrics.record(
          res.operation, res.anonymous, res.outcome, res.getStatus(), System.nanoTime() - started);
    }
  }

  private void answer(HttpServletRequest req, ObservedResponse res) throws IOException {
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
    } catch (ParseCancelledException e) {
      int status = media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
      write(
          res,
          status,
          media,
          GraphQLErrors.single(
              "The document is too large to read: at most "
                  + maxTokens
                  + " tokens (names, values, punctuation). Send a smaller document.",
              QUERY_TOO_COMPLEX));
    } catch (InvalidSyntaxException e) {
      // a GraphQL error, not an HTTP one: 200 for application/json, 400 for the new media type
      int status = media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
      write(res, status, media, GraphQLErrors.syntax(e));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "GraphQL request failed", e);
      if (!res.isCommitted()) {
        res.resetBuffer(); // keeps the headers set before (security headers)
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
    Document document = parse(request);
    Optional<OperationDefinition> operation = request.selectedOperation(document);
    ObservedResponse.operation(res, request, operation);
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
    runWithinLimits(request, document, operation, media, res);
  }

  private void execute(GraphQLHttpRequest request, ResponseMediaType media, HttpServletResponse res)
      throws IOException, BadRequest {
    Document document = parse(request); // refuses what is not GraphQL, or too big to parse
    Optional<OperationDefinition> operation = request.selectedOperation(document);
    ObservedResponse.operation(res, request, operation);
    runWithinLimits(request, document, operation, media, res);
  }

  private Document parse(GraphQLHttpRequest request) {
    return request.document(
        ParserOptions.getDefaultOperationParserOptions()
            .transform(options -> options.maxTokens(maxTokens)));
  }

  /**
   * Runs the operation unless its shape or its cost passes the limits (see DocumentLimits and
   * QueryCost); queries also run within a time and answer-size budget.
   */
  private void runWithinLimits(
      GraphQLHttpRequest request,
      Document document,
      Optional<OperationDefinition> operation,
      ResponseMediaType media,
      HttpServletResponse res)
      throws IOException {
    int refusedStatus = media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
    if (operation.isEmpty()) {
      run(request, media, res, ExecutionBudget.unlimited(), null); // the engine says what is wrong
      return;
    }
    if (operation.get().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
      write(
          res,
          refusedStatus,
          media,
          GraphQLErrors.single(
              "Jotter has no subscriptions: ask with a query, and poll or use webhooks for changes.",
              "OPERATION_NOT_SUPPORTED"));
      return;
    }
    Optional<String> shape =
        DocumentLimits.check(document, operation.get(), maxRootFields, maxAliases);
    if (shape.isPresent()) {
      write(res, refusedStatus, media, GraphQLErrors.single(shape.get(), QUERY_TOO_COMPLEX));
      return;
    }
    QueryCost.Result cost;
    try {
      cost = QueryCost.of(schema(), document, operation.get(), request.variables(), maxQueryCost);
    } catch (QueryCost.FragmentCycle e) {
      write(
          res,
          refusedStatus,
          media,
          GraphQLErrors.single(e.getMessage(), "GRAPHQL_VALIDATION_FAILED"));
      return;
    }
    if (cost.overLimit()) {
      write(
          res,
          refusedStatus,
          media,
          withCost(
              GraphQLErrors.single(
                  "This operation could cost "
                      + (cost.cost() == Long.MAX_VALUE ? "too much" : "at least " + cost.cost())
                      + "; the limit is "
                      + cost.limit()
                      + " (extensions.cost). Ask for fewer items (a smaller first), fewer"
                      + " nested lists or fewer counts.",
                  QUERY_TOO_COMPLEX),
              cost));
      return;
    }
    ExecutionBudget budget =
        operation.get().getOperation() == OperationDefinition.Operation.QUERY
            ? ExecutionBudget.of(timeoutMillis, maxResponseBytes)
            : ExecutionBudget.unlimited();
    run(request, media, res, budget, cost);
  }

  private void run(
      GraphQLHttpRequest request,
      ResponseMediaType media,
      HttpServletResponse res,
      ExecutionBudget budget,
      QueryCost.Result cost)
      throws IOException {
    ResponseCapture capture = new ResponseCapture();
    // SmallRye adds to the context map, so it must be mutable
    Map<String, Object> context = new HashMap<>();
    context.put(ExecutionBudget.KEY, budget);
    executionService.executeSync(request.toJson(), context, capture);
    ExecutionResponse response = capture.response();
    ExecutionBudget.Exhausted exhausted = budget.exhausted();
    if (exhausted != null) {
      writeExhausted(res, media, exhausted, cost);
      return;
    }
    boolean dataPresent = response.getExecutionResult().isDataPresent();
    JsonObject body =
        withCost(GraphQLErrors.shape(response.getExecutionResultAsJsonObject(), dataPresent), cost);
    int status = !dataPresent && media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxResponseBytes) {
      writeExhausted(res, media, ExecutionBudget.Exhausted.RESPONSE_TOO_LARGE, cost);
      return;
    }
    ObservedResponse.outcome(res, body);
    write(res, status, media, bytes);
  }

  private void writeExhausted(
      HttpServletResponse res,
      ResponseMediaType media,
      ExecutionBudget.Exhausted exhausted,
      QueryCost.Result cost)
      throws IOException {
    String message =
        exhausted == ExecutionBudget.Exhausted.TIMEOUT
            ? "The operation ran longer than "
                + timeoutMillis
                + " ms and was stopped. Ask for less at once."
            : "The answer would be larger than "
                + maxResponseBytes
                + " bytes; it was stopped. Ask for fewer items or fewer large fields (html,"
                + " markdown, text) at once.";
    int status = media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
    write(res, status, media, withCost(GraphQLErrors.single(message, exhausted.name()), cost));
  }

  /** The answer with {@code extensions.cost { requested limit }}, the shape Shopify uses. */
  private static JsonObject withCost(JsonObject body, QueryCost.Result cost) {
    if (cost == null) {
      return body;
    }
    JsonObjectBuilder extensions =
        body.containsKey("extensions")
            ? Json.createObjectBuilder(body.getJsonObject("extensions"))
            : Json.createObjectBuilder();
    extensions.add(
        "cost",
        Json.createObjectBuilder().add("requested", cost.cost()).add("limit", cost.limit()));
    return Json.createObjectBuilder(body).add("extensions", extensions).build();
  }

  private GraphQLSchema schema() {
    return (GraphQLSchema) getServletContext().getAttribute(GraphQLBootstrap.SCHEMA_ATTRIBUTE);
  }

  /** The response, with what the metrics and the log are told about the request. */
  private static final class ObservedResponse extends HttpServletResponseWrapper {
    String operation;
    boolean anonymous;
    String outcome = "ok";

    ObservedResponse(HttpServletResponse response) {
      super(response);
    }

    static void operation(
        HttpServletResponse res,
        GraphQLHttpRequest request,
        Optional<OperationDefinition> selected) {
      if (res instanceof ObservedResponse observed) {
        observed.operation(request, selected);
      }
    }

    static void outcome(HttpServletResponse res, JsonObject body) {
      if (res instanceof ObservedResponse observed) {
        observed.outcome(body);
      }
    }

    private void operation(GraphQLHttpRequest request, Optional<OperationDefinition> selected) {
      operation = selected.map(OperationDefinition::getName).orElse(request.operationName());
      anonymous = operation == null;
    }

    private void outcome(JsonObject body) {
      JsonArray errors = body.getJsonArray("errors");
      if (errors == null || errors.isEmpty()) {
        outcome = "ok";
        return;
      }
      JsonObject extensions = errors.getJsonObject(0).getJsonObject("extensions");
      outcome =
          extensions != null && extensions.get("code") instanceof JsonString code
              ? code.getString()
              : GraphQLErrors.INTERNAL_SERVER_ERROR;
    }
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
      HttpServletResponse res, int status, ResponseMediaType media, JsonObject body)
      throws IOException {
    ObservedResponse.outcome(res, body);
    write(res, status, media, body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void write(
      HttpServletResponse res, int status, ResponseMediaType media, byte[] body)
      throws IOException {
    res.setStatus(status);
    res.setContentType(media.contentType());
    res.setHeader("Cache-Control", "no-store");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
