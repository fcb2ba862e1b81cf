package org.storybank.evaluation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricExtractorTest {

  private final MetricExtractor extractor = new MetricExtractor();

  /**
   * One phrasing a row: the figures it must yield, in order, as kinds, values and texts separated
   * by ";"; none at all when the kind is empty (dates, versions, times of day, ids and labels are
   * never counts). Changes compare figures in one unit; between units that do not compare (a size
   * and a duration, two currencies) there is no change, only the two figures.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          P99 latency went from 1.8 s to 300 ms.                          | change            | -83.3          | from 1.8 s to 300 ms
          Memory fell from 2 GB to 180 MB.                                | change            | -91            | from 2 GB to 180 MB
          We shipped it on 18 December.                                   |                   |                |
          Login was down for 90 minutes.                                  | duration          | 90             | 90 minutes
          The rebuild took three weeks.                                   | duration          | 3              | three weeks
          Back to normal within half an hour.                             | duration          | 0.5            | half an hour
          Queries now return in 300ms.                                    | duration          | 300            | 300ms
          The job runs in 45 sec.                                         | duration          | 45             | 45 sec
          We ran a 90-day pilot.                                          | duration          | 90             | 90-day
          Onboarding took 2 hrs.                                          | duration          | 2              | 2 hrs
          We rolled it out over two quarters.                             | duration          | 2              | two quarters
          Setup went from about two days to under three hours.            | change            | -93.7          | from about two days to under three hours
          Build time dropped from 40 minutes to 6.                        | change            | -85            | from 40 minutes to 6
          Lead time grew from 3 to 5 days.                                | change            | 66.7           | from 3 to 5 days
          The check went from 90 minutes to four hours.                   | change            | 166.7          | from 90 minutes to four hours
          Rollback went from ten minutes to sixty seconds.                | change            | -90            | from ten minutes to sixty seconds
          Failover went from 2 h to 15 min.                               | change            | -87.5          | from 2 h to 15 min
          Latency fell 800ms -> 120ms after the cache.                    | change            | -85            | 800ms -> 120ms
          The bundle is now 5 MB.                                         | size              | 5              | 5 MB
          Storage dropped from 512 KiB to 128 KiB.                        | change            | -75            | from 512 KiB to 128 KiB
          Each image shrank by 512 B.                                     | size              | 512            | 512 B
          Backups grew from 800 GB to 1.2 TB.                             | change            | 50             | from 800 GB to 1.2 TB
          We saved 3 gigabytes of memory.                                 | size              | 3              | 3 gigabytes
          Payloads fell from 40 kB to 900 bytes.                          | change            | -97.7          | from 40 kB to 900 bytes
          It saved an estimated $1.2M in Q1.                              | money             | 1200000        | $1.2M
          The fees save about $380,000 a year.                            | money             | 380000         | $380,000
          It costs 40k euros less.                                        | money             | 40000          | 40k euros
          The round raised $2B.                                           | money             | 2000000000     | $2B
          We saved USD 40k on licences.                                   | money             | 40000          | USD 40k
          Each nurse got a £300 voucher.                                  | money             | 300            | £300
          It cost 2 million dollars.                                      | money             | 2000000        | 2 million dollars
          The deal was worth €1.5bn.                                      | money             | 1500000000     | €1.5bn
          Costs went from $2m to $450k a year.                            | change            | -77.5          | from $2m to $450k
          The bill fell from $18,000 to about $7,500 a month.             | change            | -58.3          | from $18,000 to about $7,500
          Costs fell from $2m to €450k.                                   | money;money       | 2000000;450000 | $2m;€450k
          Conversion rose 4% after the change.                            | percent           | 4              | 4%
          We overestimated lift by ~12 percent.                           | percent           | 12             | 12 percent
          Errors fell by a quarter.                                       | percent           | 25             | by a quarter
          Churn fell 3 per cent.                                          | percent           | 3              | 3 per cent
          Failed payments dropped from 1.1% to 0.4%.                      | change            | -63.6          | from 1.1% to 0.4%
          Error rates fell from 4% to 0.5%.                               | change            | -87.5          | from 4% to 0.5%
          Conversion rose 3 percentage points.                            | percentage-points | 3              | 3 percentage points
          Attendance rose 5 pp.                                           | percentage-points | 5              | 5 pp
          Waste went from 12% to $4,000.                                  | percent;money     | 12;4000        | 12%;$4,000
          Memory went from 2 GB to 30 seconds of pauses.                  | size;duration     | 2;30           | 2 GB;30 seconds
          Two more teams adopted the template.                            | count             | 2              | Two more teams
          It caught 1,900 queued orders.                                  | count             | 1900           | 1,900 queued orders
          Twenty-five teams used the generator.                           | count             | 25             | Twenty-five teams
          The backlog dropped to zero.                                    | count             | 0              | to zero
          We onboarded 1.2 million users.                                 | count             | 1200000        | 1.2 million users
          On 18 December we shipped 40 fixes.                             | count             | 40             | 40 fixes
          I taught Year 9 and 28 pupils passed.                           | count             | 28             | 28 pupils
          Review time was cut in half.                                    | ratio             | 0.5            | cut in half
          The spread of scores halved.                                    | ratio             | 0.5            | halved
          Throughput doubled.                                             | ratio             | 2              | doubled
          Builds are now 3x faster.                                       | ratio             | 3              | 3x faster
          Revenue grew 3x in a year.                                      | ratio             | 3              | 3x
          Signups rose tenfold.                                           | ratio             | 10             | tenfold
          We saw a 10-fold drop in complaints.                            | ratio             | 10             | 10-fold
          Satisfaction reached 4.2 out of 5.                              | rating            | 4.2            | 4.2 out of 5
          The score went from 2.6 to 4.1 out of 5.                        | change            | 57.7           | from 2.6 to 4.1
          Sign-in incidents went from monthly to zero within a year.      | change            | -100           | from monthly to zero
          Pages went from about eight a week to zero.                     | change            | -100           | from about eight a week to zero
          Deploys went from weekly to daily.                              | change            | 600            | from weekly to daily
          Regressions went from six in a quarter to one.                  | change            | -83.3          | from six in a quarter to one
          We had three incidents in six months to zero after the fix.     | change            | -100           | three incidents in six months to zero
          The deadline was December 18.                                   |                   |                |
          It went live on 3 July 2024.                                    |                   |                |
          The review was on the 18th of March.                            |                   |                |
          We upgraded to v2.3 last week.                                  |                   |                |
          Every device moved to iOS 17 overnight.                         |                   |                |
          We migrated to Python 3.11 in spring.                           |                   |                |
          Java 21 and Spring Boot 3.5 made it faster.                     |                   |                |
          Q3 results beat the plan.                                       |                   |                |
          In 2023 revenue was flat.                                       |                   |                |
          It was the 1990s all over again.                                |                   |                |
          The pager went off at 3 am on a Sunday.                         |                   |                |
          Standup moved to 9:30 every morning.                            |                   |                |
          Shifts ran from 9 am to 5 pm.                                   |                   |                |
          From 2019 to 2023 the unit grew.                                |                   |                |
          Call 555-0142 about ticket 4521 today.                          |                   |                |
          Ticket #4521 was closed.                                        |                   |                |
          We passed the SOC 2 audit.                                      |                   |                |
          We ran sprint 14 without incidents.                             |                   |                |
          """)
  void readsEachPhrasing(String text, String kinds, String values, String texts) {
    List<Metric> expected = new ArrayList<>();
    if (kinds != null) {
      String[] kind = kinds.split(";");
      String[] value = values.split(";");
      String[] shown = texts.split(";");
      for (int i = 0; i < kind.length; i++) {
        expected.add(new Metric(kind[i], Double.parseDouble(value[i]), shown[i]));
      }
    }
    assertThat(extractor.extract(text)).as("metrics of '%s'", text).isEqualTo(expected);
  }

  @Test
  void neverCountsADateAVersionOrATime() {
    String text =
        "On 18 December, after the iOS 17 and Python 3.11 upgrades of Q3 2023, the 3 am pages"
            + " stopped; ticket #4521 (call 555-0142) closed at 9:30 on sprint 14.";
    assertThat(extractor.extract(text)).extracting(Metric::kind).doesNotContain("count");
  }

  @Test
  void keepsTheOrderOfTheTextAndDoesNotCountAFigureTwice() {
    List<Metric> metrics =
        extractor.extract(
            "Revenue came in 1.5% under forecast, discounts were set right, and merchandising"
                + " avoided over-discounting by an estimated $1.2M.");
    assertThat(metrics).extracting(Metric::kind).containsExactly("percent", "money");
  }

  @Test
  void ignoresYearsNamesAndVagueWords() {
    assertThat(extractor.extract("In 2024 we passed the SOC 2 audit and one of us left."))
        .isEmpty();
    assertThat(extractor.extract("The project was a great success and everyone was happy."))
        .isEmpty();
    assertThat(extractor.extract("")).isEmpty();
    assertThat(extractor.extract(null)).isEmpty();
  }

  @Test
  void readsNumbersInWords() {
    assertThat(NumberWords.parse("twenty-four")).hasValue(24);
    assertThat(NumberWords.parse("a dozen")).hasValue(12);
    assertThat(NumberWords.parse("1.2 million")).hasValue(1_200_000);
    assertThat(NumberWords.parse("3,100")).hasValue(3100);
    assertThat(NumberWords.parse("several")).isEmpty();
  }
}
