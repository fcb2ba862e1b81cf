package org.storybank.api.drill;

import org.storybank.api.drill.DrillEvents.DrillAbandoned;
import org.storybank.api.drill.DrillEvents.DrillAnswered;
import org.storybank.api.drill.DrillEvents.DrillDrawn;
import org.storybank.api.drill.DrillEvents.DrillRated;

public sealed interface DrillEvent permits DrillDrawn, DrillAnswered, DrillRated, DrillAbandoned {

  String drillId();

  String candidateId();
}
