package dev.jotter.authoring.domain;

import org.eclipse.microprofile.graphql.Description;

/** Where a webhook delivery stands. */
@Description("Where a webhook delivery stands.")
public enum DeliveryStatus {
  @Description("Waiting for its (next) attempt.")
  PENDING,
  @Description("Being sent by a server now.")
  SENDING,
  @Description("The target answered 2xx.")
  SUCCEEDED,
  @Description(
      "Given up: the target answered 410 Gone, or every attempt failed for the retry window.")
  FAILED
}
