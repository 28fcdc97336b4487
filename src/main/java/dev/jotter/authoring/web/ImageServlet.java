package dev.jotter.authoring.web;

import static dev.jotter.platform.web.Jsons.JSON;

import dev.jotter.authoring.domain.ImageRefusedException;
import dev.jotter.authoring.internal.ImageFile;
import dev.jotter.authoring.internal.ImageUpload;
import dev.jotter.authoring.internal.ImageUploads;
import dev.jotter.authoring.internal.UploadedImage;
import dev.jotter.platform.errors.ErrorBody;
import dev.jotter.platform.errors.UnauthenticatedException;
import dev.jotter.platform.web.StaffOrigins;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /images} uploads an image as the signed-in staff user ({@code Authorization: Bearer
 * …}): a {@code multipart/form-data} form with the image in its field {@code file}, or the image
 * itself as the body with its {@code Content-Type: image/…}. It answers 201 with {@code {url,
 * width, height, contentType, srcset, variants}}. {@code GET /images/<id>/<file>} serves a stored
 * file, immutable (its address is its content's hash). Every error is JSON shaped like GraphQL's,
 * {@code {"errors":[{"message", "extensions":{"code"}}]}}, never an HTML page.
 */
@WebServlet(
    name = "Images",
    urlPatterns = {"/images", "/images/*"})
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = ImageServlet.MAX_MULTIPART_BYTES)
public class ImageServlet extends HttpServlet {

  /**
   * The most a multipart upload may carry before the container refuses to parse it; the configured
   * limit (jotter.images.max-bytes) is checked on the file itself.
   */
  static final long MAX_MULTIPART_BYTES = 256L * 1024 * 1024;

  /** A year, the longest HTTP caches are told to keep a file, and never to ask again. */
  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ImageServlet.class.getName());
  private static final String JSON_TYPE = "application/json;charset=utf-8";

  @Inject transient ImageUploads uploads;
  @Inject transient StaffOrigins staffOrigins;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    String method = req.getMethod();
    boolean root = req.getPathInfo() == null || req.getPathInfo().equals("/");
    try {
      if (root && method.equals("POST")) {
        upload(req, res);
      } else if (!root && (method.equals("GET") || method.equals("HEAD"))) {
        serve(req, res, method.equals("HEAD"));
      } else if (method.equals("OPTIONS")) {
        super.service(req, res);
      } else {
        res.setHeader("Allow", root ? "POST, OPTIONS" : "GET, HEAD, OPTIONS");
        error(
            res,
            405,
            "METHOD_NOT_ALLOWED",
            root
                ? "Upload an image with POST /images."
                : "Image files are read with GET; upload with POST /images.");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Image request failed: " + method + " " + req.getRequestURI(), e);
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
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    ImageUpload upload;
    if (type.startsWith("multipart/form-data")) {
      upload = multipart(req);
    } else if (type.startsWith("image/")) {
      upload = raw(req);
    } else {
      error(
          res,
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "Send the image as multipart/form-data (field 'file') or as the body with Content-Type"
              + " image/png, image/jpeg, image/webp or image/gif.");
      return;
    }
    UploadedImage image;
    try {
      image = uploads.upload(upload);
    } catch (UnauthenticatedException e) {
      error(res, 401, "UNAUTHENTICATED", e.getMessage());
      return;
    } catch (ImageRefusedException e) {
      switch (e.reason()) {
        case TOO_MANY_BYTES -> error(res, 413, "PAYLOAD_TOO_LARGE", e.getMessage());
        case TOO_MANY_PIXELS -> error(res, 413, "IMAGE_TOO_LARGE", e.getMessage());
        case BUSY -> error(res, 503, "SERVICE_UNAVAILABLE", e.getMessage());
        default -> error(res, 400, "NOT_AN_IMAGE", e.getMessage());
      }
      return;
    } catch (MissingFileException e) {
      error(res, 400, "BAD_REQUEST", e.getMessage());
      return;
    } catch (TooLargeForTheContainerException e) {
      error(res, 413, "PAYLOAD_TOO_LARGE", e.getMessage());
      return;
    } catch (IOException e) {
      error(res, 400, "BAD_REQUEST", "The upload could not be read to its end; send it again.");
      return;
    }
    res.setStatus(201);
    res.setHeader("Location", image.url());
    res.setHeader("Cache-Control", "no-store");
    send(res, toJson(image));
  }

  private ImageUpload raw(HttpServletRequest req) {
    return new ImageUpload() {
      @Override
      public long declaredLength() {
        return req.getContentLengthLong();
      }

      @Override
      public InputStream open() throws IOException {
        return req.getInputStream();
      }

      @Override
      public String fileName() {
        return req.getHeader("X-File-Name") != null
            ? req.getHeader("X-File-Name")
            : fileNameOf(req.getHeader("Content-Disposition"));
      }
    };
  }

  private ImageUpload multipart(HttpServletRequest req) {
    return new ImageUpload() {
      private Part part;

      @Override
      public long declaredLength() {
        return -1; // the file's own length is known only once the form is parsed
      }

      @Override
      public InputStream open() throws IOException {
        return part().getInputStream();
      }

      @Override
      public String fileName() {
        try {
          return part().getSubmittedFileName();
        } catch (IOException e) {
          return null;
        }
      }

      private Part part() throws IOException {
        if (part == null) {
          try {
            part = req.getPart("file");
          } catch (ServletException e) {
            throw new MissingFileException("The form could not be read: " + e.getMessage());
          } catch (IllegalStateException e) {
            throw new TooLargeForTheContainerException(
                "The form is larger than " + MAX_MULTIPART_BYTES + " bytes.");
          }
          if (part == null) {
            throw new MissingFileException(
                "The form has no field 'file': send the image as its field 'file'.");
          }
        }
        return part;
      }
    };
  }

  private void serve(HttpServletRequest req, HttpServletResponse res, boolean head)
      throws IOException {
    Optional<ImageFile> found = uploads.file(req.getServletPath() + req.getPathInfo());
    if (found.isEmpty()) {
      error(res, 404, "NOT_FOUND", "There is no image at this address.");
      return;
    }
    ImageFile file = found.get();
    res.setHeader("Cache-Control", IMMUTABLE);
    res.setHeader("ETag", file.etag());
    String match = req.getHeader("If-None-Match");
    if (match != null && (match.contains(file.etag()) || match.strip().equals("*"))) {
      res.setStatus(304);
      return;
    }
    res.setContentType(file.contentType());
    res.setContentLengthLong(file.file().size());
    if (head) {
      return;
    }
    try (InputStream in = file.file().open();
        OutputStream out = res.getOutputStream()) {
      in.transferTo(out);
    }
  }

  private static JsonObject toJson(UploadedImage image) {
    JsonArrayBuilder variants = JSON.createArrayBuilder();
    image
        .variants()
        .forEach(
            v ->
                variants.add(
                    JSON.createObjectBuilder()
                        .add("url", v.url())
                        .add("width", v.width())
                        .add("height", v.height())));
    return JSON.createObjectBuilder()
        .add("url", image.url())
        .add("width", image.width())
        .add("height", image.height())
        .add("contentType", image.contentType())
        .add("srcset", image.srcset())
        .add("variants", variants)
        .build();
  }

  static String fileNameOf(String contentDisposition) {
    if (contentDisposition == null) {
      return null;
    }
    int at = contentDisposition.indexOf("filename=");
    if (at < 0) {
      return null;
    }
    String name = contentDisposition.substring(at + "filename=".length()).strip();
    int end = name.indexOf(';');
    name = end < 0 ? name : name.substring(0, end);
    return name.replace("\"", "");
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

  /** The multipart form has no image in it. */
  static final class MissingFileException extends IOException {
    private static final long serialVersionUID = 1L;

    MissingFileException(String message) {
      super(message);
    }
  }

  /** The multipart form is larger than the container parses. */
  static final class TooLargeForTheContainerException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeForTheContainerException(String message) {
      super(message);
    }
  }
}
