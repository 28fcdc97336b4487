package dev.jotter.authoring.domain;

import java.util.Optional;

/** The token signing key pair every server shares, in the database (one row). */
public interface SigningKeys {

  /** The pair as PEM text (PKCS#8 private key, X.509 public key). */
  record Pair(String privatePem, String publicPem) {}

  Optional<Pair> find();

  /** Stores the pair unless one is stored already (another server was first); whether it did. */
  boolean insertIfAbsent(Pair pair);
}
