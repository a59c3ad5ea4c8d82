package org.lrs4j.http;

import io.javalin.http.Context;
import java.util.Set;
import org.lrs4j.core.activity.ActivityService;

/** Handler of the Activities resource: the full Activity object of an id, on GET and HEAD. */
final class ActivityRoutes {

  private static final String ACTIVITY_ID = "activityId";

  private final ActivityService activities;

  ActivityRoutes(ActivityService activities) {
    this.activities = activities;
  }

  /** Returns the Activity object; with {@code withBody} false, the headers only. */
  void get(Context ctx, XapiCall call, boolean withBody) {
    QueryParameters parameters = QueryParameters.read(ctx, Set.of(ACTIVITY_ID));
    String activityId = parameters.iri(ACTIVITY_ID);

    String activity = activities.activity(activityId, call.version()).toString();

    // The definition is merged from statements, which are all visible through this time.
    EntityHeaders.json(ctx, activity, call.consistentThrough(), withBody);
  }
}
