package dev.jotter.it;

import java.util.Set;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;

/**
 * Deploys the black-box tests' WAR once for all of them (an Arquillian extension, registered in
 * META-INF/services). Arquillian deploys and undeploys per test class; each {@link HttpIT} class
 * deploys the same archive ({@link Deployments#jotter()} as a client, {@code testable = false}),
 * and starting Jotter again for each of ~45 classes cost about 8 s apiece, twice per build (H2 and
 * PostgreSQL). So the first such class deploys it, the next ones find it deployed (their URL the
 * same), and it is undeployed only when a class needs a different archive on the server (the
 * in-container tests, whose WAR carries test classes) or when the server stops. Tests share the
 * server's database anyway; what they no longer get is a freshly started application per class.
 */
public final class SharedDeployment implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Keeper.class);
  }

  /** What stays deployed between test classes. */
  record Kept(
      DeployableContainer<?> container, DeploymentDescription description, ProtocolMetaData meta) {

    boolean serves(DeployableContainer<?> on, DeploymentDescription wanted) {
      return container == on && sameArchive(wanted);
    }

    boolean sameArchive(DeploymentDescription other) {
      return shareable(other)
          && other.getArchive().getName().equals(description.getArchive().getName())
          && paths(other.getArchive()).equals(paths(description.getArchive()));
    }
  }

  /** Watches deployments (inside the deployment context Arquillian activates around them). */
  public static final class Keeper {

    private static Kept kept;

    @Inject @DeploymentScoped private InstanceProducer<DeploymentDescription> description;
    @Inject @DeploymentScoped private InstanceProducer<Deployment> deployment;
    @Inject @DeploymentScoped private InstanceProducer<ProtocolMetaData> protocolMetaData;

    public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context)
        throws Exception {
      DeployDeployment event = context.getEvent();
      Deployment wanted = event.getDeployment();
      if (kept != null && kept.serves(event.getDeployableContainer(), wanted.getDescription())) {
        description.set(wanted.getDescription());
        deployment.set(wanted);
        protocolMetaData.set(kept.meta());
        wanted.deployed();
        return;
      }
      undeployKept();
      context.proceed();
      if (shareable(wanted.getDescription()) && wanted.isDeployed()) {
        kept =
            new Kept(
                event.getDeployableContainer(), wanted.getDescription(), protocolMetaData.get());
      }
    }

    public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
      Deployment leaving = context.getEvent().getDeployment();
      if (kept != null && kept.sameArchive(leaving.getDescription())) {
        leaving.undeployed(); // stays on the server for the next class
        return;
      }
      context.proceed();
    }

    public void stop(@Observes BeforeStop event) throws Exception {
      undeployKept();
    }

    private static void undeployKept() throws Exception {
      if (kept != null) {
        Kept leaving = kept;
        kept = null;
        leaving.container().undeploy(leaving.description().getArchive());
      }
    }
  }

  static boolean shareable(DeploymentDescription description) {
    return description.isArchiveDeployment() && !description.testable();
  }

  static Set<ArchivePath> paths(Archive<?> archive) {
    return archive.getContent().keySet();
  }
}
