package com.hirepilot.app.workspace;

import java.util.List;

/**
 * The deal stages a workspace may choose, and where deals go when it has not chosen. The deal
 * feature owns them and provides this; the workspace only stores and checks the choice, since the
 * deal feature depends on the workspace and not the other way round.
 */
public interface DealStageChoices {

  List<String> stages();

  DealFollowing defaults();
}
