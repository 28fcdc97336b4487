package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.Image;
import dev.jotter.authoring.domain.ImageAddress;
import dev.jotter.authoring.domain.ImageRepository;
import dev.jotter.content.api.ResponsiveImage;
import dev.jotter.content.api.ResponsiveImages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Content's lookups of uploaded images: the URLs that name an upload's file are looked up in one
 * query (none when no URL does), each answered with the size of the file it names and the image's
 * srcset.
 */
@ApplicationScoped
public class DefaultResponsiveImages implements ResponsiveImages {

  @Inject ImageRepository images;

  @Inject
  @ConfigProperty(name = "jotter.public-url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Override
  public Map<String, ResponsiveImage> find(Collection<String> urls) {
    String site =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    Map<String, ImageAddress> addresses = new LinkedHashMap<>();
    for (String url : urls) {
      ImageAddress.ofUrl(url, site).ifPresent(address -> addresses.put(url, address));
    }
    if (addresses.isEmpty()) {
      return Map.of();
    }
    Map<String, Image> byId =
        images
            .findByIds(addresses.values().stream().map(ImageAddress::id).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Image::id, Function.identity()));
    Map<String, ResponsiveImage> found = new HashMap<>();
    addresses.forEach(
        (url, address) -> {
          Image image = byId.get(address.id());
          if (image != null) {
            image
                .file(address.fileName())
                .ifPresent(
                    file ->
                        found.put(
                            url,
                            new ResponsiveImage(url, file.width(), file.height(), image.srcset())));
          }
        });
    return found;
  }
}
