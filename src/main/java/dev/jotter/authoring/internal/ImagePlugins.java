package dev.jotter.authoring.internal;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.util.List;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * TwelveMonkeys' readers in ImageIO's registry. The registry is the JVM's, filled from the class
 * path of whoever used it first, which inside a server need not be this application: the readers
 * are registered by hand while the application runs, and taken out when it stops (else the registry
 * would keep the application's class loader alive after a redeploy).
 */
final class ImagePlugins {

  private final List<ImageReaderSpi> readers =
      List.of(new JPEGImageReaderSpi(), new WebPImageReaderSpi());

  void register() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    readers.forEach(spi -> registry.registerServiceProvider(spi, ImageReaderSpi.class));
  }

  void deregister() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    readers.forEach(spi -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
  }
}
