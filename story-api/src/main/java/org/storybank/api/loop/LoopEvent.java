package org.storybank.api.loop;

import org.storybank.api.loop.LoopEvents.LoopCancelled;
import org.storybank.api.loop.LoopEvents.LoopPlanned;
import org.storybank.api.loop.LoopEvents.LoopRevised;
import org.storybank.api.loop.LoopEvents.LoopUsageRecorded;

public sealed interface LoopEvent
    permits LoopPlanned, LoopRevised, LoopCancelled, LoopUsageRecorded {

  String loopId();

  String candidateId();
}
