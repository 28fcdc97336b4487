package dev.jotter.authoring.internal;

import dev.jotter.authoring.api.StaffGate;
import dev.jotter.authoring.domain.Role;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The staff gate other modules use, backed by the signed-in staff user's current role. */
@ApplicationScoped
public class DefaultStaffGate implements StaffGate {

  @Inject StaffAccounts accounts;
  @Inject CurrentStaff current;

  @Override
  public void requireEditor(String what) throws UnauthenticatedException, ForbiddenException {
    accounts.requireAtLeast(Role.EDITOR, what);
  }

  @Override
  public boolean editorSignedIn() {
    return current.find().filter(me -> me.role().atLeast(Role.EDITOR)).isPresent();
  }

  @Override
  public long requireStaff() throws UnauthenticatedException {
    return current.require().id();
  }
}
