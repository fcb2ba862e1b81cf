package org.storybank.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttentionRuleTest {

  @Test
  void aLowAverageComesFirstEvenWhenTheBankIsAlsoWeakAndSmall() {
    assertThat(AttentionRule.reason(42.4, 2, 2)).contains("average score 42 is below 50");
  }

  @Test
  void halfTheBankWeakIsEnoughWithAPassableAverage() {
    assertThat(AttentionRule.reason(61.0, 3, 6)).contains("3 of 6 stories are weak");
    assertThat(AttentionRule.reason(61.0, 2, 6)).isEmpty();
  }

  @Test
  void aSmallBankNeedsAttentionOnlyWhenNothingWorseDoes() {
    assertThat(AttentionRule.reason(80.0, 0, 2)).contains("only 2 stories in the bank");
    assertThat(AttentionRule.reason(80.0, 0, 3)).isEmpty();
  }

  @Test
  void aBankWithNoScoreYetIsJudgedByItsSizeAlone() {
    assertThat(AttentionRule.reason(null, 0, 1)).contains("only 1 stories in the bank");
    assertThat(AttentionRule.reason(null, 0, 4)).isEmpty();
  }

  @Test
  void noWeakStoryIsNeverAWeakBank() {
    assertThat(AttentionRule.reason(70.0, 0, 0)).contains("only 0 stories in the bank");
  }
}
