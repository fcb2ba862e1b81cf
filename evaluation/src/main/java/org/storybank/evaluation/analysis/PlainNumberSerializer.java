package org.storybank.evaluation.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes whole numbers without a fraction (3, not 3.0) and never in exponent notation. */
final class PlainNumberSerializer extends StdSerializer<Double> {

  PlainNumberSerializer() {
    super(Double.class);
  }

  @Override
  public void serialize(Double value, JsonGenerator out, SerializerProvider provider)
      throws IOException {
    double v = value;
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      out.writeNumber((long) v);
    } else {
      out.writeNumber(java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }
  }
}
