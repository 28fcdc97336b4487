package dev.jotter.authoring.domain;

import org.eclipse.microprofile.graphql.Description;

/** Whether a staff user may sign in. */
@Description("Whether a staff user may sign in.")
public enum StaffStatus {
  @Description("Signs in and works.")
  ACTIVE,
  @Description("Cannot sign in; tokens issued before stop working at once.")
  SUSPENDED
}
