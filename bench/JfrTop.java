import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a Java Flight Recorder recording spent its CPU samples (bench/http.sh PROFILE=...): the
 * share of samples in which each part of the stack appears (inclusive), then the hottest methods
 * by their own samples. Usage: java bench/JfrTop.java RECORDING.jfr [TOP]
 */
public class JfrTop {

  /** Parts of the stack, by package prefix; a sample counts once for each part it runs in. */
  static final Map<String, List<String>> PARTS = new LinkedHashMap<>();

  static {
    PARTS.put("Jotter's code", List.of("dev.jotter."));
    PARTS.put("EclipseLink (JPA)", List.of("org.eclipse.persistence."));
    PARTS.put("H2 (database)", List.of("org.h2."));
    PARTS.put("PostgreSQL driver", List.of("org.postgresql."));
    PARTS.put("graphql-java", List.of("graphql."));
    PARTS.put("SmallRye GraphQL", List.of("io.smallrye.graphql."));
    PARTS.put("Weld (CDI proxies, interceptors)", List.of("org.jboss.weld."));
    PARTS.put("JSON (Parsson, Yasson)", List.of("org.eclipse.parsson.", "org.eclipse.yasson."));
    PARTS.put("Liberty (HTTP, servlet, transactions)", List.of("com.ibm.", "io.openliberty."));
    PARTS.put("Caffeine", List.of("com.github.benmanes."));
    PARTS.put("flexmark (Markdown)", List.of("com.vladsch."));
  }

  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> parts = new LinkedHashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      Set<String> seenMethods = new HashSet<>();
      Set<String> seenParts = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String method = name(frame);
        if (seenMethods.add(method)) {
          inclusive.merge(method, 1, Integer::sum);
        }
        for (var part : PARTS.entrySet()) {
          if (part.getValue().stream().anyMatch(method::startsWith)
              && seenParts.add(part.getKey())) {
            parts.merge(part.getKey(), 1, Integer::sum);
          }
        }
      }
    }
    int all = Math.max(samples, 1);
    System.out.printf("%d CPU samples%n== parts of the stack (inclusive)%n", samples);
    for (String part : PARTS.keySet()) {
      System.out.printf("  %5.1f %%  %s%n", 100.0 * parts.getOrDefault(part, 0) / all, part);
    }
    System.out.println("== hottest methods (own samples)");
    print(self, all, top);
    System.out.println("== hottest Jotter, SmallRye and EclipseLink methods (inclusive)");
    Map<String, Integer> ours = new HashMap<>();
    inclusive.forEach(
        (method, n) -> {
          if (method.startsWith("dev.jotter.")
              || method.startsWith("io.smallrye.graphql.")
              || method.startsWith("org.eclipse.persistence.internal.queries")
              || method.startsWith("org.eclipse.persistence.queries")) {
            ours.put(method, n);
          }
        });
    print(ours, all, top);
  }

  private static void print(Map<String, Integer> counts, int all, int top) {
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
  }

  private static String name(RecordedFrame frame) {
    if (frame.getMethod() == null) {
      return "(unknown)";
    }
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
