package org.storybank.api.loop;

import org.storybank.api.loop.LoopCommands.CancelLoop;
import org.storybank.api.loop.LoopCommands.PlanLoop;
import org.storybank.api.loop.LoopCommands.RecordLoopUsage;
import org.storybank.api.loop.LoopCommands.ReviseLoop;
import org.storybank.api.story.Actor;

public sealed interface LoopCommand permits PlanLoop, ReviseLoop, CancelLoop, RecordLoopUsage {

  String loopId();

  Actor actor();
}
