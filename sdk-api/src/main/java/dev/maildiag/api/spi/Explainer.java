package dev.maildiag.api.spi;

import dev.maildiag.api.internal.Lazy;
import dev.maildiag.api.internal.explain.StageFallback;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Ranks the root causes that an observed text points to, by asking every provider's interpreters.
 * The live probes use it for server answers; {@code maildiag explain} for pasted texts and logs.
 */
public final class Explainer {
  private final Lazy<List<Interpreter>> interpreters;

  private Explainer(Supplier<List<Interpreter>> source) {
    this.interpreters = Lazy.of(() -> List.copyOf(source.get()));
  }

  /**
   * An explainer over these interpreters.
   *
   * @param interpreters the interpreters, asked in order
   * @return the explainer
   */
  public static Explainer of(List<Interpreter> interpreters) {
    List<Interpreter> copy = List.copyOf(interpreters);
    return new Explainer(() -> copy);
  }

  /**
   * An explainer that makes its interpreters when it is first asked something, once: interpreters that read
   * catalogs take time to make, which a diagnosis that interprets nothing (an offline check) should not spend.
   *
   * @param interpreters makes the interpreters, in the order they are asked; may throw, and is asked again then
   * @return the explainer
   */
  public static Explainer deferred(Supplier<List<Interpreter>> interpreters) {
    return new Explainer(Objects.requireNonNull(interpreters, "interpreters"));
  }

  /**
   * The explainer of a default runner ({@code Maildiag.create().explainer()}): the core interpreters and
   * those of every provider and interpreter found through maildiag's own and the context class loader.
   *
   * @return the explainer
   */
  public static Explainer discover() {
    return dev.maildiag.api.Maildiag.create().explainer();
  }

  /**
   * The interpreters asked, in discovery order.
   *
   * @return the interpreters
   */
  public List<Interpreter> interpreters() {
    return interpreters.get();
  }

  /**
   * The candidates for an observation, most likely first. When several interpreters name the same root
   * cause, the strongest signal counts and each further one adds a little. A text seen outside a diagnosis
   * (no stage known) that no interpreter recognises but that plainly belongs to one step of a mail handler's
   * work gets that step's usual causes with low confidence, saying that only the step was recognised.
   *
   * @param observation what was seen
   * @return the candidates, most likely first
   */
  public List<Candidate> explain(Observation observation) {
    List<Candidate> ranked = recognise(observation);
    if (ranked.isEmpty() && observation.stage() == null) {
      return StageFallback.of(observation.text());
    }
    return ranked;
  }

  /**
   * The candidates that the interpreters recognise in the observation, without any fallback (e.g. for a log's lines).
   *
   * @param observation what was seen
   * @return the candidates, most likely first; empty when nothing is recognised
   */
  public List<Candidate> recognise(Observation observation) {
    Map<String, Candidate> merged = new LinkedHashMap<>();
    for (Interpreter interpreter : interpreters()) {
      for (Candidate c : interpreter.interpret(observation)) {
        merged.merge(c.rootCause(), c, Explainer::combine);
      }
    }
    List<Candidate> ranked = new ArrayList<>(merged.values());
    ranked.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
    return ranked;
  }

  private static Candidate combine(Candidate a, Candidate b) {
    Candidate strong = a.confidence() >= b.confidence() ? a : b;
    Candidate weak = strong == a ? b : a;
    double confidence = Math.min(1.0, strong.confidence() + (1 - strong.confidence()) * weak.confidence() * 0.25);
    return new Candidate(strong.rootCause(), confidence, strong.reason());
  }
}
