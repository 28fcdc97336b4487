package dev.jotter.authoring.web;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.authoring.domain.ImportFormat;
import dev.jotter.authoring.domain.ImportRefusedException;
import dev.jotter.authoring.internal.Exports;
import dev.jotter.authoring.internal.ImageImports;
import dev.jotter.authoring.internal.ImportPlanner.Action;
import dev.jotter.authoring.internal.Imports;
import dev.jotter.platform.errors.ErrorBody;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.UnauthenticatedException;
import dev.jotter.platform.web.StaffOrigins;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moving in and out, for administrators ({@code Authorization: Bearer …}). {@code POST
 * /imports?format=markdown|ghost|wordpress} takes the file as the body or as the field {@code file}
 * of a multipart form, stores it and answers its dry run: per item what would happen (CREATE,
 * UPDATE, SKIP, ERROR) and why, with counts and the import's id, which the GraphQL mutation {@code
 * startImport(id)} runs. {@code GET /exports/markdown.zip} and {@code GET /exports/ghost.json}
 * stream the blog. Every error is JSON shaped like GraphQL's, never an HTML page.
 */
@WebServlet(
    name = "ImportExport",
    urlPatterns = {"/imports", "/exports/*"})
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = ImportExportServlet.MAX_MULTIPART)
public class ImportExportServlet extends HttpServlet {

  /** The most a multipart form may carry before the container refuses to parse it. */
  static final long MAX_MULTIPART = 1024L * 1024 * 1024;

  /** The most of a refused body read (and thrown away) so that its sender gets the answer. */
  static final long MAX_DRAINED = 512L * 1024 * 1024;

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ImportExportServlet.class.getName());
  private static final String JSON_TYPE = "application/json;charset=utf-8";

  @Inject transient Imports imports;
  @Inject transient Exports exports;
  @Inject transient StaffOrigins staffOrigins;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String method = req.getMethod();
    boolean importing = req.getServletPath().equals("/imports");
    try {
      if (method.equals("OPTIONS")) {
        super.service(req, res);
      } else if (importing && method.equals("POST")) {
        upload(req, res);
      } else if (!importing && method.equals("GET")) {
        export(req, res);
      } else {
        res.setHeader("Allow", importing ? "POST, OPTIONS" : "GET, OPTIONS");
        error(
            res,
            405,
            "METHOD_NOT_ALLOWED",
            importing
                ? "Send the file to import with POST /imports?format=…."
                : "Exports are read with GET.");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Import or export failed: " + method + " " + req.getRequestURI(), e);
      if (!res.isCommitted()) {
        res.reset();
        error(
            res,
            500,
            "INTERNAL_SERVER_ERROR",
            "Something went wrong on the server; the error was logged.");
      }
    }
  }

  private void upload(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<String> refusal = staffOrigins.refusal(req);
    if (refusal.isPresent()) {
      error(res, 403, "FORBIDDEN", refusal.get());
      return;
    }
    Optional<ImportFormat> format = ImportFormat.named(req.getParameter("format"));
    if (format.isEmpty()) {
      error(
          res,
          400,
          "BAD_REQUEST",
          "Name the file's format: POST /imports?format=markdown, ghost or wordpress.");
      return;
    }
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    Imports.DryRun report;
    try {
      if (type.startsWith("multipart/form-data")) {
        Part part;
        try {
          part = req.getPart("file");
        } catch (IllegalStateException e) {
          error(
              res,
              413,
              "PAYLOAD_TOO_LARGE",
              "The form is larger than " + MAX_MULTIPART + " bytes.");
          return;
        } catch (ServletException e) {
          error(res, 400, "BAD_REQUEST", "The form could not be read: " + e.getMessage());
          return;
        }
        if (part == null) {
          error(res, 400, "BAD_REQUEST", "The form has no field 'file': send the file in it.");
          return;
        }
        try (InputStream in = part.getInputStream()) {
          report = imports.check(format.get(), part.getSubmittedFileName(), part.getSize(), in);
        }
      } else {
        try (InputStream in = req.getInputStream()) {
          report =
              imports.check(
                  format.get(),
                  ImageServlet.fileNameOf(req.getHeader("Content-Disposition")),
                  req.getContentLengthLong(),
                  in);
        }
      }
    } catch (UnauthenticatedException e) {
      error(res, 401, "UNAUTHENTICATED", e.getMessage());
      return;
    } catch (ForbiddenException e) {
      error(res, 403, "FORBIDDEN", e.getMessage());
      return;
    } catch (ImportRefusedException e) {
      if (e.reason() == ImportRefusedException.Reason.TOO_LARGE) {
        drain(req);
      }
      switch (e.reason()) {
        case TOO_LARGE -> error(res, 413, "PAYLOAD_TOO_LARGE", e.getMessage());
        case UNSAFE -> error(res, 400, "UNSAFE_FILE", e.getMessage());
        default -> error(res, 400, "MALFORMED_FILE", e.getMessage());
      }
      return;
    }
    res.setStatus(201);
    res.setHeader("Cache-Control", "no-store");
    send(res, toJson(report));
  }

  /**
   * Reads what is left of a refused body (up to {@link #MAX_DRAINED} bytes, kept nowhere): a client
   * that sends its whole body before reading the answer (most do) then gets the 413, not a broken
   * connection. Past that, the connection is closed.
   */
  private static void drain(HttpServletRequest req) {
    try (InputStream in = req.getInputStream()) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > MAX_DRAINED) {
          return;
        }
      }
    } catch (IOException | IllegalStateException e) {
      // the client gave up or the body was a form: nothing more to read
    }
  }

  private void export(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    Exports.Export export;
    String contentType;
    String fileName;
    try {
      if (path.equals("/markdown.zip")) {
        export = exports.markdownZip();
        contentType = "application/zip";
        fileName = "jotter-" + LocalDate.now() + ".zip";
      } else if (path.equals("/ghost.json")) {
        export = exports.ghostJson();
        contentType = "application/json;charset=utf-8";
        fileName = "jotter-" + LocalDate.now() + ".ghost.json";
      } else {
        error(res, 404, "NOT_FOUND", "Exports: /exports/markdown.zip and /exports/ghost.json.");
        return;
      }
    } catch (UnauthenticatedException e) {
      error(res, 401, "UNAUTHENTICATED", e.getMessage());
      return;
    } catch (ForbiddenException e) {
      error(res, 403, "FORBIDDEN", e.getMessage());
      return;
    }
    Optional<String> refusal = staffOrigins.refusal(req);
    if (refusal.isPresent()) {
      error(res, 403, "FORBIDDEN", refusal.get());
      return;
    }
    res.setStatus(200);
    res.setContentType(contentType);
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    export.writeTo(res.getOutputStream());
  }

  private static JsonObject toJson(Imports.DryRun report) {
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (Imports.ReportLine line : report.items()) {
      JsonObjectBuilder item = JSON.createObjectBuilder();
      add(item, "sourceId", line.sourceId());
      add(item, "slug", line.slug());
      add(item, "title", line.title());
      item.add("action", line.action().name());
      add(item, "reason", line.reason());
      items.add(item);
    }
    JsonObjectBuilder counts = JSON.createObjectBuilder();
    for (Action action : Action.values()) {
      counts.add(action.name().toLowerCase(Locale.ROOT), report.count(action));
    }
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("id", report.job().id())
            .add("format", report.job().format().name())
            .add("state", report.job().state().name())
            .add("bytes", report.job().bytes())
            .add("total", report.job().total())
            .add("counts", counts)
            .add("items", items)
            .add("images", images(report.images()))
            .add(
                "next",
                "mutation { startImport(id: \"" + report.job().id() + "\") { state done total } }");
    add(body, "fileName", report.job().fileName());
    return body.build();
  }

  /** How many images would be restored, are there already, and which entries are left aside. */
  private static JsonObject images(ImageImports.Plan plan) {
    JsonArrayBuilder ignored = JSON.createArrayBuilder();
    plan.ignored().stream()
        .limit(100)
        .forEach(
            i ->
                ignored.add(
                    JSON.createObjectBuilder().add("entry", i.entry()).add("reason", i.reason())));
    return JSON.createObjectBuilder()
        .add("restore", plan.restore())
        .add("present", plan.present())
        .add("ignored", plan.ignored().size())
        .add("ignoredEntries", ignored)
        .build();
  }

  private static void add(JsonObjectBuilder object, String name, String value) {
    if (value == null) {
      object.addNull(name);
    } else {
      object.add(name, value);
    }
  }

  private static void error(HttpServletResponse res, int status, String code, String message)
      throws IOException {
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
    send(res, ErrorBody.of(message, code));
  }

  private static void send(HttpServletResponse res, JsonObject body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    res.setContentType(JSON_TYPE);
    res.setContentLength(bytes.length);
    res.getOutputStream().write(bytes);
  }
}
