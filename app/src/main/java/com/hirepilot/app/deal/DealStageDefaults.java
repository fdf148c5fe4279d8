package com.hirepilot.app.deal;

import com.hirepilot.app.workspace.DealFollowing;
import com.hirepilot.app.workspace.DealStageChoices;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the workspace settings which deal stages there are, and the defaults. */
@Component
class DealStageDefaults implements DealStageChoices {

  @Override
  public List<String> stages() {
    return DealStages.ALL;
  }

  @Override
  public DealFollowing defaults() {
    return DealStages.DEFAULTS;
  }
}
