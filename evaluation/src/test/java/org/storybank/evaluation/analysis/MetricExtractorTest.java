package org.storybank.evaluation.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricExtractorTest {

  private final MetricExtractor extractor = new MetricExtractor();

  private Metric only(String text) {
    List<Metric> metrics = extractor.extract(text);
    assertThat(metrics).as("metrics of '%s'", text).hasSize(1);
    return metrics.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Conversion rose 4% after the change.                  | percent  | 4       | 4%
          We overestimated lift by ~12 percent.                 | percent  | 12      | 12 percent
          Errors fell by a quarter.                             | percent  | 25      | by a quarter
          It saved an estimated $1.2M in Q1.                    | money    | 1200000 | $1.2M
          The fees save about $380,000 a year.                  | money    | 380000  | $380,000
          It costs 40k euros less.                              | money    | 40000   | 40k euros
          Login was down for 90 minutes.                        | duration | 90      | 90 minutes
          The rebuild took three weeks.                         | duration | 3       | three weeks
          Back to normal within half an hour.                   | duration | 0.5     | half an hour
          Satisfaction reached 4.2 out of 5.                    | rating   | 4.2     | 4.2 out of 5
          Two more teams adopted the template.                  | count    | 2       | Two more teams
          It caught 1,900 queued orders.                        | count    | 1900    | 1,900 queued orders
          Twenty-five teams used the generator.                 | count    | 25      | Twenty-five teams
          The backlog dropped to zero.                          | count    | 0       | to zero
          Review time was cut in half.                          | ratio    | 0.5     | cut in half
          The spread of scores halved.                          | ratio    | 0.5     | halved
          Throughput doubled.                                   | ratio    | 2       | doubled
          Builds are now 3x faster.                             | ratio    | 3       | 3x faster
          """)
  void findsAFigureOfEachKind(String text, String kind, double value, String shown) {
    Metric metric = only(text);
    assertThat(metric.kind()).isEqualTo(kind);
    assertThat(metric.value()).isEqualTo(value);
    assertThat(metric.text()).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Failed payments dropped from 1.1% to 0.4%.                    | -63.6
          Pages went from about eight a week to zero.                   | -100
          Sign-in incidents went from monthly to zero within a year.     | -100
          Setup went from about two days to under three hours.          | -93.7
          Regressions went from six in a quarter to one.                | -83.3
          The bill fell from $18,000 to about $7,500 a month.           | -58.3
          The score went from 2.6 to 4.1 out of 5.                      | 57.7
          We had three incidents in six months to zero after the fix.   | -100
          """)
  void readsBeforeAndAfterAsARelativeChange(String text, double change) {
    Metric metric = extractor.extract(text).get(0);
    assertThat(metric.kind()).isEqualTo("change");
    assertThat(metric.value()).isEqualTo(change);
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
