package dev.jotter.platform.graphql;

import io.smallrye.graphql.cdi.CdiLookupService;
import io.smallrye.graphql.spi.ManagedInstance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How SmallRye finds the bean behind an API method: for every call of one, SmallRye's CDI lookup
 * asks CDI for the class's bean afresh (7 % of an uncached post page's CPU, for its two calls). A
 * bean of a normal scope (the {@code @ApplicationScoped} API classes) is reached through its client
 * proxy, the same object every time, so its proxy is looked up once per class and kept; a
 * {@code @Dependent} bean is still made (and destroyed) for each call. SmallRye prefers a lookup
 * service from outside its own packages (META-INF/services).
 */
public class ApiBeanLookup extends CdiLookupService {

  private final Map<Class<?>, ManagedInstance<?>> proxies = new ConcurrentHashMap<>();

  @Override
  public String getName() {
    return "Jotter (CDI, client proxies kept)";
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ManagedInstance<T> getInstance(Class<T> type) {
    ManagedInstance<?> kept = proxies.get(type);
    if (kept != null) {
      return (ManagedInstance<T>) kept;
    }
    ManagedInstance<T> instance = super.getInstance(type);
    if (normalScoped(type)) {
      T proxy = instance.get();
      ManagedInstance<T> shared = () -> proxy; // a proxy is never destroyed by its callers
      proxies.putIfAbsent(type, shared);
      return shared;
    }
    return instance;
  }

  private static boolean normalScoped(Class<?> type) {
    BeanManager beans = CDI.current().getBeanManager();
    Bean<?> bean = beans.resolve(beans.getBeans(type));
    return bean != null && beans.isNormalScope(bean.getScope());
  }
}
