package org.bigdatalab.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.streaming.WindowResult.Firing;

/**
 * A result keyed by a whole number ({@link WindowResult#withLongKey}, the reference count's results) is the
 * same value as one made with the key's text: equal both ways, the same hash before and after its text is
 * written, the same text, the same id. What it catches: a hash taken from the number instead of its text
 * (equal results in different hash buckets), and keys compared as numbers against a text key ("007" is not 7).
 */
class WindowResultTest {
  private static final Window W = new Window(0, 10_000);

  @Property
  void aLongKeyedResultIsTheResultWithItsKeysText(@ForAll("keys") long key) {
    WindowResult<Long> text = new WindowResult<>(Long.toString(key), W, 3L, Firing.FINAL, 10_000);
    WindowResult<Long> number = WindowResult.withLongKey(key, W, 3L, Firing.FINAL, 10_000);
    int unwritten = number.hashCode();   // before key() writes the text
    assertThat(number).isEqualTo(text);
    assertThat(text).isEqualTo(number);
    assertThat(unwritten).isEqualTo(text.hashCode());
    assertThat(number.toString()).isEqualTo(text.toString());
    assertThat(number.hashCode()).isEqualTo(unwritten);
    assertThat(number.id()).isEqualTo(text.id());
    assertThat(WindowResult.decimalHash(key)).isEqualTo(Long.toString(key).hashCode());
  }

  @Provide
  Arbitrary<Long> keys() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1_000, 1_000),
        Arbitraries.of(0L, -1L, 9L, 10L, -10L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1));
  }

  @Example
  void differsWhereAnyComponentDiffers() {
    WindowResult<Long> r = WindowResult.withLongKey(7, W, 3L, Firing.FINAL, 10_000);
    assertThat(r).isNotEqualTo(WindowResult.withLongKey(8, W, 3L, Firing.FINAL, 10_000))
        .isNotEqualTo(new WindowResult<>("007", W, 3L, Firing.FINAL, 10_000))
        .isNotEqualTo(WindowResult.withLongKey(7, new Window(10_000, 20_000), 3L, Firing.FINAL, 10_000))
        .isNotEqualTo(WindowResult.withLongKey(7, W, 4L, Firing.FINAL, 10_000))
        .isNotEqualTo(WindowResult.withLongKey(7, W, 3L, Firing.ON_TIME, 10_000))
        .isNotEqualTo(WindowResult.withLongKey(7, W, 3L, Firing.FINAL, 10_001));
    assertThat(r.toString()).isEqualTo("WindowResult[key=7, window=" + W + ", value=3, firing=FINAL, watermark=10000]");
  }

  @Example
  void aTextKeyMayBeNull() {
    WindowResult<Long> r = new WindowResult<>(null, W, 3L, Firing.FINAL, 10_000);
    assertThat(r).isEqualTo(new WindowResult<>(null, W, 3L, Firing.FINAL, 10_000)).hasSameHashCodeAs(new WindowResult<>(null, W, 3L, Firing.FINAL, 10_000));
    assertThat(r.key()).isNull();
  }
}
