package org.storybank.evaluation.analysis;

import org.storybank.rubric.text.PhraseMatch;

/** A lexicon phrase found in one field of a story. */
record Hit(Field field, PhraseMatch match) {}
