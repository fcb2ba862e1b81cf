package org.storybank.api.drill;

import org.storybank.api.drill.DrillCommands.AbandonDrill;
import org.storybank.api.drill.DrillCommands.AnswerDrill;
import org.storybank.api.drill.DrillCommands.DrawDrill;
import org.storybank.api.drill.DrillCommands.RateDrill;
import org.storybank.api.story.Actor;

public sealed interface DrillCommand permits DrawDrill, AnswerDrill, RateDrill, AbandonDrill {

  String drillId();

  Actor actor();
}
