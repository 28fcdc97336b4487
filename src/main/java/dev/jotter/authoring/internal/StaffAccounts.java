package dev.jotter.authoring.internal;

import dev.jotter.authoring.domain.PasswordHash;
import dev.jotter.authoring.domain.Permissions;
import dev.jotter.authoring.domain.Role;
import dev.jotter.authoring.domain.StaffRepository;
import dev.jotter.authoring.domain.StaffUser;
import dev.jotter.content.api.AuthorCatalog;
import dev.jotter.content.api.AuthorEditor;
import dev.jotter.content.api.AuthorProfile;
import dev.jotter.content.api.AuthorView;
import dev.jotter.platform.errors.ForbiddenException;
import dev.jotter.platform.errors.InvalidArgumentException;
import dev.jotter.platform.errors.NotFoundException;
import dev.jotter.platform.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff accounts: claiming the blog, signing in, and managing staff users and their author cards.
 * Roles are checked here, whatever the transport.
 */
@ApplicationScoped
@Transactional(rollbackOn = Exception.class)
public class StaffAccounts {

  /** The author who writes the demo blog; the first administrator takes it over. */
  static final String DEMO_AUTHOR_SLUG = "astro";

  private static final String WRONG_CREDENTIALS =
      "The email or the password is wrong."; // the same for both: tells nothing about accounts

  /** Emails are at most this long (RFC 5321's path limit); longer ones are refused unread. */
  public static final int MAX_EMAIL_LENGTH = 254;

  @Inject StaffRepository staff;
  @Inject SignInThrottle throttle;
  @Inject CurrentStaff current;
  @Inject AuthorEditor authorEditor;
  @Inject AuthorCatalog authorCatalog;
  @Inject TokenIssuer tokens;

  /** A signed-in staff user and their token. */
  public record Session(StaffMember user, TokenIssuer.Token token) {}

  /**
   * Claims the blog while no staff user exists: creates the administrator (taking over the demo
   * author astro when there is one) and signs them in.
   */
  public Session setup(String email, String name, String password)
      throws InvalidArgumentException, ForbiddenException {
    checkEmail(email);
    checkPassword(password);
    staff.lockAdministrators(); // racing setups (or servers): one at a time
    if (staff.count() > 0 || !staff.claimBlog(Clock.now())) {
      throw new ForbiddenException(
          "The blog is set up already; sign in (login), or ask an administrator for an account.");
    }
    StaffUser admin = createAdministrator(email, name, password);
    return signIn(admin);
  }

  /**
   * The administrator an unattended install asks for (from environment variables): created when no
   * staff user exists yet; otherwise nothing happens.
   *
   * @return whether it was created
   */
  public boolean createInitialAdministrator(String email, String name, String password)
      throws InvalidArgumentException {
    checkEmail(email);
    checkPassword(password);
    staff.lockAdministrators(); // servers starting at once: one creates it, the others see it
    if (staff.count() > 0 || !staff.claimBlog(Clock.now())) {
      return false;
    }
    createAdministrator(email, name, password);
    return true;
  }

  private StaffUser createAdministrator(String email, String name, String password)
      throws InvalidArgumentException {
    OffsetDateTime now = Clock.now();
    Optional<AuthorView> demo = authorCatalog.findBySlug(DEMO_AUTHOR_SLUG);
    AuthorView author;
    if (demo.isPresent()) {
      author = demo.get();
      if (name != null && !name.isBlank()) {
        try {
          author =
              authorEditor.update(
                  author.id(), new AuthorProfile(name, null, null, null, null), now);
        } catch (NotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    } else {
      author = authorEditor.create(requireName(name), now);
    }
    return staff.save(
        new StaffUser(email, PasswordHash.hash(password), Role.ADMINISTRATOR, author.id(), now));
  }

  /**
   * Signs in. A wrong email and a wrong password get the same error; repeated failures on one
   * email, or from one client address, must wait longer and longer (counted in the database, so the
   * wait holds across restarts and servers).
   */
  public Session login(String email, String password, String clientAddress)
      throws UnauthenticatedException, TooManyAttemptsException, InvalidArgumentException {
    if (email != null && email.length() > MAX_EMAIL_LENGTH) {
      throw new InvalidArgumentException("email: at most " + MAX_EMAIL_LENGTH + " characters.");
    }
    if (password != null && password.length() > 2 * PasswordHash.MAX_LENGTH) {
      throw new InvalidArgumentException(
          "password: at most " + PasswordHash.MAX_LENGTH + " characters.");
    }
    String key = StaffUser.normalizeEmail(email);
    Duration wait = throttle.admit(key, clientAddress, Instant.now());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new TooManyAttemptsException(
          "Too many failed sign-ins for this email or from this address; try again in "
              + seconds
              + (seconds == 1 ? " second." : " seconds."));
    }
    Optional<StaffUser> user = staff.findByEmail(key);
    String given = password == null ? "" : password;
    boolean matches;
    if (user.isPresent()) {
      matches = PasswordHash.matches(given, user.get().passwordHash());
    } else {
      PasswordHash.spendCheckTime(given);
      matches = false;
    }
    if (!matches) {
      throw new UnauthenticatedException(WRONG_CREDENTIALS); // counted when admitted
    }
    throttle.succeeded(key, clientAddress);
    if (!user.get().isActive()) {
      throw new UnauthenticatedException(
          "This account is suspended; an administrator can reactivate it.");
    }
    return signIn(user.get());
  }

  private Session signIn(StaffUser user) {
    OffsetDateTime now = Clock.now();
    staff.recordSignIn(user.id(), now);
    StaffMember member = StaffMember.of(user).signedInAt(now);
    return new Session(member, tokens.issue(user, Instant.now()));
  }

  public StaffMember me() throws UnauthenticatedException {
    return StaffMember.of(current.require());
  }

  /**
   * Up to {@code first} staff users by email, after {@code afterEmail}: editors and administrators
   * only.
   */
  public List<StaffMember> page(String afterEmail, int first)
      throws UnauthenticatedException, ForbiddenException {
    requireAtLeast(Role.EDITOR, "see the staff list");
    String after = afterEmail == null ? null : afterEmail.strip().toLowerCase(Locale.ROOT);
    return staff.findPage(after, first).stream().map(StaffMember::of).toList();
  }

  /**
   * A new staff user with a new author card. Editors add authors and contributors; administrators
   * anyone. The creator passes the first password on (there is no email sending).
   */
  public StaffMember create(String email, String name, Role role, String password)
      throws UnauthenticatedException, ForbiddenException, InvalidArgumentException {
    StaffUser me = current.require();
    refuse(Permissions.staffRefusal(me.role(), null, role));
    checkEmail(email);
    checkPassword(password);
    // the author card first: creating it serialises staff creation (the slug lock), so the email
    // check below sees a racing creation's committed row and answers it clearly
    AuthorView author = authorEditor.create(requireName(name), Clock.now());
    if (staff.findByEmail(email).isPresent()) {
      throw new InvalidArgumentException("email: there is a staff user with this email already.");
    }
    return StaffMember.of(
        staff.save(
            new StaffUser(email, PasswordHash.hash(password), role, author.id(), Clock.now())));
  }

  public StaffMember changeRole(long staffId, Role role)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    StaffUser me = current.require();
    StaffUser target = find(staffId);
    refuse(Permissions.staffRefusal(me.role(), target.role(), role));
    if (target.role() == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR) {
      requireAnotherAdministrator(target, "change the role of");
    }
    target.changeRole(role, Clock.now());
    return StaffMember.of(staff.save(target));
  }

  public StaffMember suspend(long staffId)
      throws UnauthenticatedException,
          ForbiddenException,
          NotFoundException,
          InvalidArgumentException {
    StaffUser me = current.require();
    StaffUser target = find(staffId);
    refuse(Permissions.staffRefusal(me.role(), target.role(), target.role()));
    if (target.id().equals(me.id())) {
      throw new InvalidArgumentException("id: you cannot suspend yourself.");
    }
    if (target.role() == Role.ADMINISTRATOR) {
      requireAnotherAdministrator(target, "suspend");
    }
    target.suspend(Clock.now());
    return StaffMember.of(staff.save(target));
  }

  public StaffMember reactivate(long staffId)
      throws UnauthenticatedException, ForbiddenException, NotFoundException {
    StaffUser me = current.require();
    StaffUser target = find(staffId);
    refuse(Permissions.staffRefusal(me.role(), target.role(), target.role()));
    target.reactivate(Clock.now());
    return StaffMember.of(staff.save(target));
  }

  /** Changes the caller's author card (the content module announces it and their posts). */
  public AuthorView updateMyProfile(AuthorProfile profile)
      throws UnauthenticatedException, InvalidArgumentException {
    StaffUser me = current.require();
    try {
      return authorEditor.update(me.authorId(), profile, Clock.now());
    } catch (NotFoundException e) {
      throw new IllegalStateException("Staff user " + me.id() + " has no author card", e);
    }
  }

  public void changeMyPassword(String currentPassword, String newPassword)
      throws UnauthenticatedException, InvalidArgumentException {
    StaffUser me = current.require();
    if (!PasswordHash.matches(currentPassword == null ? "" : currentPassword, me.passwordHash())) {
      throw new InvalidArgumentException("currentPassword: this is not your current password.");
    }
    checkPassword(newPassword);
    me.changePassword(PasswordHash.hash(newPassword), Clock.now());
    staff.save(me);
  }

  /**
   * Up to {@code first} author cards by name, after the one with slug {@code after}, whether or not
   * they have published anything: any staff user, to pick a post's co-authors.
   */
  public List<AuthorView> authorPage(String after, int first)
      throws UnauthenticatedException, InvalidArgumentException {
    current.require();
    return authorCatalog.findPage(after, first);
  }

  /** The author cards of staff users, by author id, in one read. */
  public Map<Long, AuthorView> authorsOf(List<StaffMember> users) {
    Set<Long> wanted = users.stream().map(StaffMember::authorId).collect(Collectors.toSet());
    return authorCatalog.findAll().stream()
        .filter(a -> wanted.contains(a.id()))
        .collect(Collectors.toMap(AuthorView::id, a -> a));
  }

  /** The author card of a staff user. */
  public Optional<AuthorView> authorOf(StaffMember user) {
    return authorEditor.find(user.authorId());
  }

  /** Passes when the signed-in staff user has at least this role. */
  public void requireAtLeast(Role role, String what)
      throws UnauthenticatedException, ForbiddenException {
    StaffUser me = current.require();
    if (!me.role().atLeast(role)) {
      throw new ForbiddenException(
          "Only " + role.name().toLowerCase() + "s and above may " + what + ".");
    }
  }

  private StaffUser find(long staffId) throws NotFoundException {
    return staff
        .findById(staffId)
        .orElseThrow(() -> new NotFoundException("id: there is no staff user " + staffId + "."));
  }

  /**
   * Refuses to demote or suspend the last active administrator. Counted under a lock held until the
   * transaction ends, so two administrators demoting each other at once leave one.
   */
  private void requireAnotherAdministrator(StaffUser target, String what)
      throws InvalidArgumentException {
    staff.lockAdministrators();
    if (target.isActive() && staff.countActive(Role.ADMINISTRATOR) <= 1) {
      throw new InvalidArgumentException(
          "id: cannot " + what + " the last active administrator; make another one first.");
    }
  }

  private static void refuse(Optional<String> refusal) throws ForbiddenException {
    if (refusal.isPresent()) {
      throw new ForbiddenException(refusal.get());
    }
  }

  private static void checkEmail(String email) throws InvalidArgumentException {
    if (email != null && email.length() > MAX_EMAIL_LENGTH) {
      throw new InvalidArgumentException("email: at most " + MAX_EMAIL_LENGTH + " characters.");
    }
    if (!StaffUser.looksLikeEmail(email)) {
      throw new InvalidArgumentException("email: \"" + email + "\" is not an email address.");
    }
  }

  private static void checkPassword(String password) throws InvalidArgumentException {
    String weakness = PasswordHash.weakness(password);
    if (weakness != null) {
      throw new InvalidArgumentException(weakness);
    }
  }

  private static String requireName(String name) throws InvalidArgumentException {
    if (name == null || name.isBlank()) {
      throw new InvalidArgumentException("name: a staff user needs a name (shown as author).");
    }
    if (name.strip().length() > 191) {
      throw new InvalidArgumentException("name: at most 191 characters.");
    }
    return name.strip();
  }
}
