package org.storybank.query.projection;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * A float vector as Elasticsearch's {@code dense_vector} accepts it most cheaply: base64 of its
 * IEEE-754 float32 values, big-endian. Documents written before this encoding hold JSON float
 * arrays; both are read.
 */
public final class VectorEncoding {

  private VectorEncoding() {}

  public static String encode(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  public static float[] decode(String base64) {
    byte[] raw = Base64.getDecoder().decode(base64);
    if (raw.length % Float.BYTES != 0) {
      throw new IllegalArgumentException(
          "a vector's base64 must hold whole float32 values, not " + raw.length + " bytes");
    }
    float[] vector = new float[raw.length / Float.BYTES];
    ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }

  static final class Writer extends StdSerializer<float[]> {
    Writer() {
      super(float[].class);
    }

    @Override
    public void serialize(float[] vector, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeString(encode(vector));
    }
  }

  static final class Reader extends StdDeserializer<float[]> {
    Reader() {
      super(float[].class);
    }

    @Override
    public float[] deserialize(JsonParser in, DeserializationContext context) throws IOException {
      if (in.currentToken() == JsonToken.VALUE_STRING) {
        try {
          return decode(in.getText());
        } catch (IllegalArgumentException e) {
          return (float[])
              context.handleWeirdStringValue(float[].class, in.getText(), e.getMessage());
        }
      }
      return context.readValue(in, float[].class);
    }
  }
}
