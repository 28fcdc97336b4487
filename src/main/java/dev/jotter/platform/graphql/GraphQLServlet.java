package dev.jotter.platform.graphql;

import static dev.jotter.platform.web.Jsons.JSON;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jotter.platform.cache.AnswerKeys;
import dev.jotter.platform.cache.ResponseCache;
import dev.jotter.platform.graphql.GraphQLHttpRequest.BadRequest;
import dev.jotter.platform.web.StaffOrigins;
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
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
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

  /** SmallRye's key for the depth limit, kept from when its instrumentation checked it. */
  @Inject
  @ConfigProperty(name = "smallrye.graphql.instrumentation.queryDepth", defaultValue = "15")
  int maxDepth;

  @Inject
  @ConfigProperty(name = "jotter.graphql.max-response-bytes", defaultValue = "8388608")
  long maxResponseBytes;

  @Inject
  @ConfigProperty(name = "jotter.graphql.timeout-millis", defaultValue = "10000")
  long timeoutMillis;

  @Inject
  @ConfigProperty(name = "jotter.http.cache.max-age", defaultValue = "60")
  long maxAge;

  @Inject
  @ConfigProperty(name = "jotter.http.cache.stale-while-revalidate", defaultValue = "300")
  long staleWhileRevalidate;

  @Inject
  @ConfigProperty(name = "jotter.http.cache.max-tags-bytes", defaultValue = "1024")
  int maxTagsBytes;

  @Inject transient StaffOrigins staffOrigins;

  @Inject transient RequestMetrics metrics;
  @Inject transient ResponseCache responses;
  @Inject transient PersistedQueries persisted;

  /** Parsed documents by their text: a document seen before is not parsed again. */
  private final transient Cache<String, Document> documents =
      Caffeine.newBuilder()
          .maximumWeight(8L * 1024 * 1024)
          .<String, Document>weigher((query, document) -> query.length())
          .build();

  /** The reader pages' documents are known by their hashes from the start (the allow-list). */
  @Override
  public void init() {
    try (InputStream in = getServletContext().getResourceAsStream("/app/queries.js")) {
      if (in != null) {
        persisted.builtIn(
            ReaderDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "Cannot read the reader pages' GraphQL documents", e);
    }
  }

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
      boolean get =
          switch (req.getMethod()) {
            case "POST" -> false;
            case "GET" -> true;
            default -> {
              res.setHeader("Allow", "GET, POST");
              throw new BadRequest(405, "METHOD_NOT_ALLOWED", "Use POST, or GET for queries.");
            }
          };
      if (get) {
        res.setHeader("Vary", "Accept, Authorization");
      }
      refuseStaffTokensFromOtherOrigins(req);
      Exchange exchange = new Exchange(req, res, media, get);
      GraphQLHttpRequest request = get ? readGet(req) : readPost(req);
      request = resolvePersisted(request, exchange);
      if (request != null) {
        serve(request, exchange);
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
    try (JsonReader reader = JSON.createReader(new StringReader(body))) {
      return GraphQLHttpRequest.fromJson(reader.readValue());
    } catch (JsonParsingException e) {
      throw new BadRequest("The request body is not valid JSON: " + e.getMessage());
    } catch (JsonException e) {
      throw new BadRequest("The request body is not valid JSON.");
    }
  }

  /** A staff token from a page on another origin than the allowed ones is refused. */
  private void refuseStaffTokensFromOtherOrigins(HttpServletRequest req) throws BadRequest {
    Optional<String> refusal = staffOrigins.refusal(req);
    if (refusal.isPresent()) {
      throw new BadRequest(403, "FORBIDDEN", refusal.get());
    }
  }

  private GraphQLHttpRequest readGet(HttpServletRequest req) throws BadRequest {
    return new GraphQLHttpRequest(
        req.getParameter("query"),
        req.getParameter("operationName"),
        jsonParameter(req, "variables"),
        jsonParameter(req, "extensions"));
  }

  /** One request and its answer, with what decides how the answer may be kept. */
  private static final class Exchange {
    final HttpServletRequest req;
    final HttpServletResponse res;
    final ResponseMediaType media;
    final boolean get;
    final boolean anonymous;
    String hash;
    boolean register;

    Exchange(
        HttpServletRequest req, HttpServletResponse res, ResponseMediaType media, boolean get) {
      this.req = req;
      this.res = res;
      this.media = media;
      this.get = get;
      this.anonymous = req.getHeader("Authorization") == null;
    }
  }

  /**
   * The request with its document: sent in it, or found by the hash of Apollo's persisted query
   * extension. Null when the answer was written already (the hash is unknown or not allowed).
   */
  private GraphQLHttpRequest resolvePersisted(GraphQLHttpRequest request, Exchange x)
      throws BadRequest, IOException {
    JsonValue extension = request.persistedQuery();
    if (extension == null) {
      if (request.query() == null || request.query().isBlank()) {
        throw new BadRequest(
            x.get
                ? "A GET request needs a \"query\" parameter (or a persisted query's hash in"
                    + " \"extensions\")."
                : "The request needs a \"query\" string holding a GraphQL document.");
      }
      x.hash = PersistedQueries.hash(request.query());
      return request;
    }
    if (!(extension instanceof JsonObject pq)
        || !(pq.get("version") instanceof JsonNumber version)
        || version.intValue() != 1
        || !(pq.get("sha256Hash") instanceof JsonString hashValue)) {
      throw new BadRequest(
          "\"extensions.persistedQuery\" must be {\"version\": 1, \"sha256Hash\": \"<hex>\"}.");
    }
    String hash = hashValue.getString().toLowerCase(Locale.ROOT);
    if (!PersistedQueries.looksLikeHash(hash)) {
      throw new BadRequest(
          "\"sha256Hash\" must be the SHA-256 of the document, in hex (64 digits).");
    }
    x.hash = hash;
    if (request.query() == null) {
      Optional<PersistedQueries.Document> known = persisted.find(hash);
      if (known.isEmpty()
          || (x.anonymous && persisted.allowListOnly() && !known.get().source().allowListed())) {
        refuse(
            x,
            "PersistedQueryNotFound: this server does not know the document with that hash;"
                + " send the hash again with the query.",
            "PERSISTED_QUERY_NOT_FOUND");
        return null;
      }
      return request.withQuery(known.get().query());
    }
    if (!PersistedQueries.hash(request.query()).equals(hash)) {
      throw new BadRequest(
          "provided sha does not match query: \"sha256Hash\" must be the SHA-256 of \"query\".");
    }
    x.register = !persisted.allowListOnly();
    return request;
  }

  /**
   * In the allow-list mode, anonymous clients run only registered queries (their mutations, signing
   * in, stay open: otherwise nobody could sign in to register anything).
   */
  private boolean allowed(Exchange x, boolean query) throws IOException {
    if (!x.anonymous || !query || !persisted.allowListOnly()) {
      return true;
    }
    Optional<PersistedQueries.Document> known = persisted.find(x.hash);
    if (known.isPresent() && known.get().source().allowListed()) {
      return true;
    }
    refuse(
        x,
        "This server runs only registered documents for anonymous clients; an editor can"
            + " register this one with registerPersistedQueries.",
        "PERSISTED_QUERY_NOT_REGISTERED");
    return false;
  }

  /** A GraphQL error for a request that is not run: 400 with the new media type, else 200. */
  private static void refuse(Exchange x, String message, String code) throws IOException {
    int status = x.media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
    write(x.res, status, x.media, GraphQLErrors.single(message, code));
  }

  /** Answers from the response cache, or runs the operation (and keeps its answer if it may). */
  private void serve(GraphQLHttpRequest request, Exchange x) throws IOException, BadRequest {
    ResponseCache.Key key =
        x.anonymous && responses.enabled()
            ? new ResponseCache.Key(
                x.hash,
                request.operationName() == null ? "" : request.operationName(),
                request.variables() == null ? "" : request.variables().toString(),
                x.media.name())
            : null;
    if (key != null) {
      Optional<ResponseCache.Answer> cached = responses.find(key);
      x.res.setHeader("X-Jotter-Cache", cached.isPresent() ? "hit" : "miss");
      if (cached.isPresent()) {
        ObservedResponse.cached(x.res, cached.get().operation());
        writeAnswer(x, cached.get());
        return;
      }
    }
    Document document = parse(request); // refuses what is not GraphQL, or too big to parse
    Optional<OperationDefinition> operation = request.selectedOperation(document);
    ObservedResponse.operation(x.res, request, operation);
    if (x.get
        && operation.isPresent()
        && operation.get().getOperation() != OperationDefinition.Operation.QUERY) {
      x.res.setHeader("Allow", "POST");
      throw new BadRequest(
          405,
          "METHOD_NOT_ALLOWED",
          "Only queries can be sent with GET: send "
              + operation.get().getOperation().name().toLowerCase(Locale.ROOT)
              + "s with POST.");
    }
    boolean query =
        operation.isPresent()
            && operation.get().getOperation() == OperationDefinition.Operation.QUERY;
    if (!allowed(x, query)) {
      return;
    }
    runWithinLimits(request, document, operation, x, query ? key : null);
  }

  private Document parse(GraphQLHttpRequest request) {
    Document document = documents.getIfPresent(request.query());
    if (document == null) {
      document =
          request.document(
              ParserOptions.getDefaultOperationParserOptions()
                  .transform(options -> options.maxTokens(maxTokens)));
      documents.put(request.query(), document);
    }
    return document;
  }

  /**
   * Runs the operation unless its shape or its cost passes the limits (see DocumentLimits and
   * QueryCost); queries also run within a time and answer-size budget.
   */
  private void runWithinLimits(
      GraphQLHttpRequest request,
      Document document,
      Optional<OperationDefinition> operation,
      Exchange x,
      ResponseCache.Key key)
      throws IOException {
    ResponseMediaType media = x.media;
    HttpServletResponse res = x.res;
    int refusedStatus = media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
    if (operation.isEmpty()) {
      run(request, x, ExecutionBudget.unlimited(), null, null); // the engine says what is wrong
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
        DocumentLimits.check(document, operation.get(), maxRootFields, maxDepth, maxAliases);
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
          DataAnswers.withCost(
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
    run(request, x, budget, cost, key);
  }

  /**
   * Runs the operation; a query's answer without errors is kept in the response cache (under {@code
   * key}, when there is one) and, over GET, may be kept by browsers and CDNs.
   */
  private void run(
      GraphQLHttpRequest request,
      Exchange x,
      ExecutionBudget budget,
      QueryCost.Result cost,
      ResponseCache.Key key)
      throws IOException {
    ResponseMediaType media = x.media;
    HttpServletResponse res = x.res;
    ResponseCapture capture = new ResponseCapture();
    // SmallRye adds to the context map, so it must be mutable
    Map<String, Object> context = new HashMap<>();
    context.put(ExecutionBudget.KEY, budget);
    boolean publicAnswer = key != null || (x.get && x.anonymous && cost != null);
    AnswerKeys answerKeys = publicAnswer ? responses.collector() : null;
    if (answerKeys != null) {
      context.put(AnswerKeys.CONTEXT_KEY, answerKeys);
    }
    long generation = responses.generation();
    executionService.executeSync(request.toJson(), context, capture);
    ExecutionResponse response = capture.response();
    ExecutionBudget.Exhausted exhausted = budget.exhausted();
    if (exhausted != null) {
      writeExhausted(res, media, exhausted, cost);
      return;
    }
    boolean dataPresent = response.getExecutionResult().isDataPresent();
    int status = !dataPresent && media == ResponseMediaType.GRAPHQL_RESPONSE_JSON ? 400 : 200;
    byte[] bytes = DataAnswers.plain(response.getExecutionResult(), cost);
    boolean clean = bytes != null;
    if (bytes == null) {
      JsonObject body = DataAnswers.shaped(response, cost);
      bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      ObservedResponse.outcome(res, body);
      clean = status == 200 && dataPresent && !body.containsKey("errors");
    }
    if (bytes.length > maxResponseBytes) {
      writeExhausted(res, media, ExecutionBudget.Exhausted.RESPONSE_TOO_LARGE, cost);
      return;
    }
    if (x.register && clean) {
      persisted.register(request.query(), PersistedQueries.Source.CLIENT);
    }
    if (answerKeys == null || !clean || cost == null || answerKeys.neverShared()) {
      write(res, status, media, bytes);
      return;
    }
    String operation = res instanceof ObservedResponse observed ? observed.operation : null;
    ResponseCache.Answer answer =
        new ResponseCache.Answer(bytes, etag(bytes), answerKeys.keys(), operation);
    if (key != null) {
      responses.put(key, answer, generation);
    }
    writeAnswer(x, answer);
  }

  /**
   * A query's answer without errors: over GET to an anonymous client, with the headers that let
   * browsers and CDNs keep it (and 304 when the client has it already).
   */
  private void writeAnswer(Exchange x, ResponseCache.Answer answer) throws IOException {
    HttpServletResponse res = x.res;
    if (!x.get || !x.anonymous) {
      write(res, 200, x.media, answer.body());
      return;
    }
    res.setHeader(
        "Cache-Control",
        "public, max-age=" + maxAge + ", stale-while-revalidate=" + staleWhileRevalidate);
    res.setHeader("ETag", answer.etag());
    String tags = CacheTags.header(answer.keys(), maxTagsBytes);
    res.setHeader("Cache-Tag", tags);
    res.setHeader("Surrogate-Key", tags.replace(',', ' '));
    if (CacheTags.matches(x.req.getHeader("If-None-Match"), answer.etag())) {
      res.setStatus(304);
      return;
    }
    res.setStatus(200);
    res.setContentType(x.media.contentType());
    res.setContentLength(answer.body().length);
    res.getOutputStream().write(answer.body());
  }

  /** A strong entity tag: the answer's SHA-256, shortened. */
  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27)
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
    write(
        res,
        status,
        media,
        DataAnswers.withCost(GraphQLErrors.single(message, exhausted.name()), cost));
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

    static void cached(HttpServletResponse res, String operation) {
      if (res instanceof ObservedResponse observed) {
        observed.operation = operation;
        observed.anonymous = operation == null;
        observed.outcome = "ok";
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
    try (JsonReader reader = JSON.createReader(new StringReader(value))) {
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
    res.setHeader("Cache-Control", "private, no-store");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
